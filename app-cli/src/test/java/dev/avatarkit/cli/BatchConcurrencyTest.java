package dev.avatarkit.cli;

import static org.assertj.core.api.Assertions.assertThat;

import com.google.inject.AbstractModule;
import com.google.inject.Provides;
import com.google.inject.Singleton;
import dev.avatarkit.core.engine.EnginePolicy;
import dev.avatarkit.runtime.JobEvents;
import dev.avatarkit.runtime.PlatformOptions;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.concurrent.atomic.AtomicReference;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * {@code --concurrency N} is the engine's cap on renders in flight, whatever the provider (the gate keeps each
 * provider at the smaller of the cap and its own {@code maxConcurrency}); it no longer sets a provider's config key.
 */
class BatchConcurrencyTest {
    @TempDir
    Path dir;

    CliHarness cli;

    /** The options the engine of the last run was built with. */
    final AtomicReference<PlatformOptions> engineOptions = new AtomicReference<>();

    @BeforeEach
    void setUp() {
        cli = new CliHarness(dir);
        cli.overrides = new AbstractModule() {
            // the engine takes the job-change feed: asking for the options here sees the ones the engine got
            @Provides
            @Singleton
            JobEvents jobEvents(PlatformOptions options) {
                engineOptions.set(options);
                return new JobEvents();
            }
        };
    }

    @Test
    void givenHeyGenSandbox_whenBatchWithConcurrency1_thenTheEngineIsCappedAt1AndEveryRowRenders() throws Exception {
        Files.writeString(dir.resolve("videos.csv"), "id,avatar_id,voice_id,script\n" + row("a") + row("b") + row("c"));

        CliHarness.Result r = cli.sandbox(
                "video", "batch", "--csv", "videos.csv", "--concurrency", "1", "--wait", "--timeout", "90s");

        assertThat(r.code()).as(r.all()).isZero();
        assertThat(r.out()).contains("3/3 finished", "3 SUCCEEDED");
        assertThat(engineOptions.get().policy().maxConcurrency()).isEqualTo(1);
    }

    @Test
    void givenDidSandbox_whenBatchWithConcurrency2_thenTheSameCapReachesTheEngine() throws Exception {
        Files.writeString(
                dir.resolve("photos.csv"),
                "id,image_url,voice_id,script\n"
                        + "a," + DidProviderTest.IMAGE + "," + DidProviderTest.DID_VOICE + ",Hello\n"
                        + "b," + DidProviderTest.IMAGE + "," + DidProviderTest.DID_VOICE + ",Bye\n");

        CliHarness.Result r = cli.sandbox(
                "--provider",
                "d-id",
                "video",
                "batch",
                "--csv",
                "photos.csv",
                "--concurrency",
                "2",
                "--wait",
                "--timeout",
                "90s");

        assertThat(r.code()).as(r.all()).isZero();
        assertThat(r.out()).contains("2/2 finished", "2 SUCCEEDED");
        assertThat(engineOptions.get().policy().maxConcurrency()).isEqualTo(2);
    }

    @Test
    void givenNoConcurrencyFlag_thenTheEngineKeepsItsOwnCap() throws Exception {
        Files.writeString(dir.resolve("videos.csv"), "id,avatar_id,voice_id,script\n" + row("a"));

        assertThat(cli.sandbox("video", "batch", "--csv", "videos.csv").code()).isZero();

        assertThat(engineOptions.get()).isEqualTo(CliHarness.FAST);
    }

    @Test
    void givenACap_thenItLowersThePolicysCapAndNeverRaisesIt() {
        EnginePolicy policy = EnginePolicy.defaults(10);

        EnginePolicy capped = policy.withMaxConcurrencyAtMost(3);

        assertThat(capped.maxConcurrency()).isEqualTo(3);
        assertThat(capped)
                .usingRecursiveComparison()
                .ignoringFields("maxConcurrency")
                .isEqualTo(policy);
        assertThat(policy.withMaxConcurrencyAtMost(50)).isSameAs(policy);
    }

    private static String row(String id) {
        return id + "," + CliHarness.AVATAR + "," + CliHarness.VOICE + ",Hello " + id + "\n";
    }
}
