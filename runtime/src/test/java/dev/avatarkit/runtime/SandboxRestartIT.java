package dev.avatarkit.runtime;

import static org.assertj.core.api.Assertions.assertThat;

import dev.avatarkit.core.domain.IdentitySpec;
import dev.avatarkit.core.domain.Job;
import dev.avatarkit.core.domain.JobState;
import dev.avatarkit.core.domain.VideoSpec;
import dev.avatarkit.core.engine.EnginePolicy;
import dev.avatarkit.core.influencer.CreateInfluencer;
import dev.avatarkit.core.influencer.DefaultShots;
import dev.avatarkit.core.influencer.InfluencerStatus;
import dev.avatarkit.core.usecase.CreateJob;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.awaitility.Awaitility;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/**
 * Issue 16 #9: a sandbox process that dies with renders in flight takes its simulator's memory with it; the next
 * sandbox process on the same home finishes those jobs instead of failing them as {@code not_found}.
 * The first platform is closed mid-render, which leaves {@code sandbox.db} exactly as a kill -9 would: jobs
 * RENDERING with provider refs that the new simulator has never seen.
 */
class SandboxRestartIT {
    private static final String AVATAR = "Daisy-inskirt-20220818";
    private static final String VOICE = "2d5b0e6cf36f460aa7fc47e3eee4ba54";

    @ParameterizedTest(name = "HEYGEN_API_VERSION={0}")
    @ValueSource(strings = {"v3", "v2"})
    void givenVideosRenderingWhenTheSandboxDied_whenItStartsAgain_thenEveryJobSucceeds(
            String version, @TempDir Path dir) throws Exception {
        List<Job> created = new ArrayList<>();
        try (Platform first = new Platform(config(dir, version), options(Duration.ofMinutes(10)))) {
            first.startWorkers();
            for (int i = 0; i < 3; i++) { // 3 = the render slots: all of them in flight at the crash
                created.add(first.createJob()
                        .create(CreateJob.Command.of(VideoSpec.singleAvatar(AVATAR, VOICE, "render " + i)))
                        .job());
            }
            for (Job job : created) awaitState(first, job, JobState.RENDERING);
        }

        try (Platform second = new Platform(config(dir, version), options(Duration.ofMillis(300)))) {
            second.startWorkers();
            for (Job job : created) {
                Job done = second.awaitJob().await(job.id(), Duration.ofSeconds(60), j -> {});
                assertThat(done.state())
                        .as("job %s error: %s", job.id(), done.error())
                        .isEqualTo(JobState.SUCCEEDED);
                assertThat(done.attempts()).as("no second create").isEqualTo(1);
            }
        }
    }

    @Test
    void givenAnIdentityRenderingWhenTheSandboxDied_whenItStartsAgain_thenItAndItsStillsSucceed(@TempDir Path dir)
            throws Exception {
        IdentitySpec spec = new IdentitySpec(
                "Mia",
                "woman in her twenties, short black bob",
                "25",
                "woman",
                null,
                "Realistic",
                List.of(),
                DefaultShots.first(2));
        Job identity;
        try (Platform first = new Platform(config(dir, "v3"), options(Duration.ofMinutes(10)))) {
            first.startWorkers();
            identity = new CreateInfluencer(first.createJob())
                    .create(CreateInfluencer.Command.remote(spec, null))
                    .identity();
            awaitState(first, identity, JobState.RENDERING);
        }

        try (Platform second = new Platform(config(dir, "v3"), options(Duration.ofMillis(300)))) {
            second.startWorkers();
            Job base = second.awaitJob().await(identity.id(), Duration.ofSeconds(60), j -> {});
            assertThat(base.state()).as("error: %s", base.error()).isEqualTo(JobState.SUCCEEDED);
            InfluencerStatus status = new InfluencerStatus(second.jobs());
            // real scheduler threads and HTTP: wall-clock waiting is the point
            InfluencerStatus.View view = Awaitility.await("influencer " + identity.id() + " finished")
                    .atMost(Duration.ofSeconds(60))
                    .pollInterval(Duration.ofMillis(100))
                    .until(() -> status.status(identity.id()), InfluencerStatus.View::finished);
            assertThat(view.failed()).as("failed stills").isEmpty();
            assertThat(view.stored()).hasSize(2);
        }
    }

    private static void awaitState(Platform platform, Job job, JobState state) {
        Awaitility.await("job " + job.id() + " reaches " + state)
                .atMost(Duration.ofSeconds(30))
                .pollInterval(Duration.ofMillis(50))
                .until(() -> platform.jobs().find(job.id()).orElseThrow().state() == state);
    }

    private static AvatarkitConfig config(Path dir, String version) {
        return ConfigLoader.load(
                Map.of(),
                Map.of(
                        "AVATARKIT_HOME",
                        dir.resolve("home").toString(),
                        "AVATARKIT_STORAGE_DIR",
                        dir.resolve("assets").toString(),
                        "AVATARKIT_SANDBOX",
                        "1",
                        "HEYGEN_API_VERSION",
                        version),
                null);
    }

    private static PlatformOptions options(Duration renderTime) {
        return PlatformOptions.defaults()
                .withSandboxRenderTime(renderTime)
                .withSchedulerPolling(Duration.ofMillis(50))
                .withPolicy(EnginePolicy.defaults(3).withPolling(Duration.ofMillis(100), Duration.ofMillis(500)));
    }
}
