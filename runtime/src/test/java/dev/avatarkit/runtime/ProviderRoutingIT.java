package dev.avatarkit.runtime;

import static org.assertj.core.api.Assertions.assertThat;

import dev.avatarkit.core.domain.Job;
import dev.avatarkit.core.domain.JobState;
import dev.avatarkit.core.domain.ProviderRoute;
import dev.avatarkit.core.domain.VideoSpec;
import dev.avatarkit.core.engine.EnginePolicy;
import dev.avatarkit.core.usecase.CreateJob;
import dev.avatarkit.sim.HeyGenSimulator;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Issue 15: a job is finished by the provider dialect that accepted it. A process creates v2 jobs and stops with
 * them rendering (as kill -9 would leave them); the next process runs with {@code HEYGEN_API_VERSION=v3} and still
 * polls and downloads them through the v2 routes, with one create each.
 */
class ProviderRoutingIT {
    private static final String AVATAR = "Daisy-inskirt-20220818";
    private static final String VOICE = "2d5b0e6cf36f460aa7fc47e3eee4ba54";

    @Test
    void givenV2JobsRendering_whenRestartedUnderV3_thenTheyFinishThroughV2(@TempDir Path dir) throws Exception {
        try (HeyGenSimulator sim = HeyGenSimulator.builder().port(0).renderTime(Duration.ofSeconds(2)).build().start()) {
            Job[] created = new Job[2];
            try (Platform first = new Platform(config(dir, sim, "v2"), options())) {
                first.startWorkers();
                for (int i = 0; i < created.length; i++) {
                    created[i] = first.createJob().create(CreateJob.Command.of(VideoSpec.singleAvatar(AVATAR, VOICE, "v2 " + i))).job();
                    assertThat(created[i].route()).isEqualTo(new ProviderRoute("heygen", "v2"));
                }
                for (Job job : created) awaitRendering(first, job);
            }
            long v3Reads = v3Requests(sim);

            try (Platform second = new Platform(config(dir, sim, "v3"), options())) {
                assertThat(second.providers().defaultRoute()).isEqualTo(new ProviderRoute("heygen", "v3"));
                second.startWorkers();
                for (Job job : created) {
                    Job done = second.awaitJob().await(job.id(), Duration.ofSeconds(60), j -> { });
                    assertThat(done.state()).as("job %s: %s", job.id(), done.error()).isEqualTo(JobState.SUCCEEDED);
                    assertThat(done.attempts()).as("one create").isEqualTo(1);
                    assertThat(done.provider()).isEqualTo("heygen:v2");
                }
                // a new job now takes v3
                assertThat(second.createJob().create(CreateJob.Command.of(VideoSpec.singleAvatar(AVATAR, VOICE, "v3"))).job()
                        .provider()).isEqualTo("heygen:v3");
            }
            assertThat(sim.stats().duplicateCreates()).isZero();
            assertThat(v3Requests(sim)).as("v3 requests after the restart: only the new v3 job's")
                    .isLessThanOrEqualTo(v3Reads + 3);
            assertThat(sim.stats().requestsPerRoute().entrySet().stream()
                    .filter(e -> e.getKey().contains("video_status")).mapToLong(Map.Entry::getValue).sum())
                    .as("legacy status reads").isPositive();
        }
    }

    private static long v3Requests(HeyGenSimulator sim) {
        return sim.stats().requestsPerRoute().entrySet().stream().filter(e -> e.getKey().contains("/v3/videos"))
                .mapToLong(Map.Entry::getValue).sum();
    }

    private static void awaitRendering(Platform platform, Job job) throws InterruptedException {
        long deadline = System.nanoTime() + Duration.ofSeconds(30).toNanos();
        while (platform.jobs().find(job.id()).orElseThrow().state() != JobState.RENDERING) {
            assertThat(System.nanoTime()).as("job %s reaches RENDERING", job.id()).isLessThan(deadline);
            Thread.sleep(50);
        }
    }

    private static AvatarkitConfig config(Path dir, HeyGenSimulator sim, String version) {
        return ConfigLoader.load(Map.of(), Map.of(
                "AVATARKIT_HOME", dir.resolve("home").toString(),
                "AVATARKIT_STORAGE_DIR", dir.resolve("assets").toString(),
                "HEYGEN_API_KEY", "sim-key",
                "HEYGEN_BASE_URL", sim.baseUrl(),
                "HEYGEN_UPLOAD_URL", sim.baseUrl(),
                "HEYGEN_API_VERSION", version), null);
    }

    private static PlatformOptions options() {
        return PlatformOptions.defaults().withSchedulerPolling(Duration.ofMillis(100))
                .withPolicy(EnginePolicy.defaults(EnginePolicy.NO_CAP).withPolling(Duration.ofMillis(200), Duration.ofSeconds(1)));
    }
}
