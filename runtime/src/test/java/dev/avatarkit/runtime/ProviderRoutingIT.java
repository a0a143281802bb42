package dev.avatarkit.runtime;

import static org.assertj.core.api.Assertions.assertThat;

import dev.avatarkit.core.domain.Character;
import dev.avatarkit.core.domain.Job;
import dev.avatarkit.core.domain.JobState;
import dev.avatarkit.core.domain.ProviderRoute;
import dev.avatarkit.core.domain.Scene;
import dev.avatarkit.core.domain.VideoSpec;
import dev.avatarkit.core.domain.Voice;
import dev.avatarkit.core.engine.EnginePolicy;
import dev.avatarkit.core.usecase.CreateJob;
import dev.avatarkit.didsim.DidSimulator;
import dev.avatarkit.sim.HeyGenSimulator;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import org.awaitility.Awaitility;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Issue 15: a job is finished by the provider dialect that accepted it. A process creates v2 jobs and stops with
 * them rendering (as kill -9 would leave them); the next process runs with {@code HEYGEN_API_VERSION=v3} and still
 * polls and downloads them through the v2 routes, with one create each. The same across providers: D-ID jobs in flight
 * finish at D-ID after a restart with HeyGen as the default.
 */
class ProviderRoutingIT {
    private static final String AVATAR = "Daisy-inskirt-20220818";
    private static final String VOICE = "2d5b0e6cf36f460aa7fc47e3eee4ba54";

    @Test
    void givenV2JobsRendering_whenRestartedUnderV3_thenTheyFinishThroughV2(@TempDir Path dir) throws Exception {
        try (HeyGenSimulator sim = HeyGenSimulator.builder()
                .port(0)
                .renderTime(Duration.ofSeconds(2))
                .build()
                .start()) {
            Job[] created = new Job[2];
            try (Platform first = new Platform(config(dir, sim, "v2"), options())) {
                first.startWorkers();
                for (int i = 0; i < created.length; i++) {
                    created[i] = first.createJob()
                            .create(CreateJob.Command.of(VideoSpec.singleAvatar(AVATAR, VOICE, "v2 " + i)))
                            .job();
                    assertThat(created[i].route()).isEqualTo(new ProviderRoute("heygen", "v2"));
                }
                for (Job job : created) awaitRendering(first, job);
            }
            long v3Reads = v3Requests(sim);

            try (Platform second = new Platform(config(dir, sim, "v3"), options())) {
                assertThat(second.providers().defaultRoute()).isEqualTo(new ProviderRoute("heygen", "v3"));
                second.startWorkers();
                for (Job job : created) {
                    Job done = second.awaitJob().await(job.id(), Duration.ofSeconds(60), j -> {});
                    assertThat(done.state())
                            .as("job %s: %s", job.id(), done.error())
                            .isEqualTo(JobState.SUCCEEDED);
                    assertThat(done.attempts()).as("one create").isEqualTo(1);
                    assertThat(done.provider()).isEqualTo("heygen:v2");
                }
                // a new job now takes v3
                assertThat(second.createJob()
                                .create(CreateJob.Command.of(VideoSpec.singleAvatar(AVATAR, VOICE, "v3")))
                                .job()
                                .provider())
                        .isEqualTo("heygen:v3");
            }
            assertThat(sim.stats().duplicateCreates()).isZero();
            assertThat(v3Requests(sim))
                    .as("v3 requests after the restart: only the new v3 job's")
                    .isLessThanOrEqualTo(v3Reads + 3);
            assertThat(sim.stats().requestsPerRoute().entrySet().stream()
                            .filter(e -> e.getKey().contains("video_status"))
                            .mapToLong(Map.Entry::getValue)
                            .sum())
                    .as("legacy status reads")
                    .isPositive();
        }
    }

    @Test
    void givenDidJobsRendering_whenRestartedWithHeyGenAsTheDefault_thenTheyFinishAtDid(@TempDir Path dir)
            throws Exception {
        try (HeyGenSimulator heygen = HeyGenSimulator.builder()
                        .port(0)
                        .renderTime(Duration.ofSeconds(1))
                        .build()
                        .start();
                DidSimulator did = DidSimulator.builder()
                        .port(0)
                        .renderTime(Duration.ofSeconds(2))
                        .build()
                        .start()) {
            Job created;
            try (Platform first = new Platform(config(dir, heygen, did, "d-id"), options())) {
                first.startWorkers();
                Scene scene = new Scene(
                        new Character.Image("https://assets.example.com/ava/face.jpg"),
                        Voice.Text.of("switching providers", "en-US-JennyNeural"),
                        null);
                created = first.createJob()
                        .create(CreateJob.Command.of(
                                new VideoSpec(List.of(scene), null, null, null, false, null, false)))
                        .job();
                assertThat(created.route()).isEqualTo(ProviderRoute.of("d-id"));
                awaitRendering(first, created);
            }
            try (Platform second = new Platform(config(dir, heygen, did, "heygen"), options())) {
                second.startWorkers();
                Job done = second.awaitJob().await(created.id(), Duration.ofSeconds(60), j -> {});
                assertThat(done.state()).as("error: %s", done.error()).isEqualTo(JobState.SUCCEEDED);
                assertThat(done.provider()).isEqualTo("d-id");
                assertThat(done.attempts()).isEqualTo(1);
            }
            assertThat(did.stats().duplicateCreates()).isZero();
            assertThat(heygen.stats().jobsCreated())
                    .as("nothing went to HeyGen")
                    .isZero();
        }
    }

    private static AvatarkitConfig config(Path dir, HeyGenSimulator heygen, DidSimulator did, String provider) {
        return ConfigLoader.load(
                Map.of(),
                Map.of(
                        "AVATARKIT_HOME",
                        dir.resolve("home").toString(),
                        "AVATARKIT_STORAGE_DIR",
                        dir.resolve("assets").toString(),
                        "AVATARKIT_PROVIDER",
                        provider,
                        "HEYGEN_API_KEY",
                        "sim-key",
                        "HEYGEN_BASE_URL",
                        heygen.baseUrl(),
                        "HEYGEN_UPLOAD_URL",
                        heygen.baseUrl(),
                        "DID_API_KEY",
                        did.apiKey(),
                        "DID_BASE_URL",
                        did.baseUrl()),
                null);
    }

    private static long v3Requests(HeyGenSimulator sim) {
        return sim.stats().requestsPerRoute().entrySet().stream()
                .filter(e -> e.getKey().contains("/v3/videos"))
                .mapToLong(Map.Entry::getValue)
                .sum();
    }

    private static void awaitRendering(Platform platform, Job job) {
        Awaitility.await("job " + job.id() + " reaches RENDERING")
                .atMost(Duration.ofSeconds(30))
                .pollInterval(Duration.ofMillis(50))
                .until(() -> platform.jobs().find(job.id()).orElseThrow().state() == JobState.RENDERING);
    }

    private static AvatarkitConfig config(Path dir, HeyGenSimulator sim, String version) {
        return ConfigLoader.load(
                Map.of(),
                Map.of(
                        "AVATARKIT_HOME", dir.resolve("home").toString(),
                        "AVATARKIT_STORAGE_DIR", dir.resolve("assets").toString(),
                        "HEYGEN_API_KEY", "sim-key",
                        "HEYGEN_BASE_URL", sim.baseUrl(),
                        "HEYGEN_UPLOAD_URL", sim.baseUrl(),
                        "HEYGEN_API_VERSION", version),
                null);
    }

    private static PlatformOptions options() {
        return PlatformOptions.defaults()
                .withSchedulerPolling(Duration.ofMillis(100))
                .withPolicy(EnginePolicy.defaults(EnginePolicy.NO_CAP)
                        .withPolling(Duration.ofMillis(200), Duration.ofSeconds(1)));
    }
}
