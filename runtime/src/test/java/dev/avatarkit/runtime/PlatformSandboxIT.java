package dev.avatarkit.runtime;

import static org.assertj.core.api.Assertions.assertThat;

import dev.avatarkit.core.domain.AssetKind;
import dev.avatarkit.core.domain.Job;
import dev.avatarkit.core.domain.JobState;
import dev.avatarkit.core.domain.VideoSpec;
import dev.avatarkit.core.engine.EnginePolicy;
import dev.avatarkit.core.usecase.CreateJob;
import java.io.InputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.MessageDigest;
import java.time.Duration;
import java.util.HexFormat;
import java.util.Map;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/** The whole assembly, for real: SQLite, local disk, db-scheduler, the HeyGen adapter and the sandbox simulator. */
class PlatformSandboxIT {

    @ParameterizedTest(name = "HEYGEN_API_VERSION={0}")
    @ValueSource(strings = {"v3", "v2"})
    void givenTheSandbox_whenAVideoIsCreated_thenARealMp4AndThumbnailAreStoredWithTheirChecksums(
            String version, @TempDir Path dir) throws Exception {
        AvatarkitConfig config = ConfigLoader.load(
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
        PlatformOptions options = PlatformOptions.defaults()
                .withSandboxRenderTime(Duration.ofMillis(300))
                .withSchedulerPolling(Duration.ofMillis(50))
                .withPolicy(EnginePolicy.defaults(3).withPolling(Duration.ofMillis(100), Duration.ofMillis(500)));
        try (Platform platform = new Platform(config, options)) {
            platform.startWorkers();
            Job job = platform.createJob()
                    .create(CreateJob.Command.of(VideoSpec.singleAvatar(
                            "Daisy-inskirt-20220818", "2d5b0e6cf36f460aa7fc47e3eee4ba54", "Hello from the sandbox")))
                    .job();

            Job done = platform.awaitJob().await(job.id(), Duration.ofSeconds(60), j -> {});

            assertThat(done.state()).as("error: %s", done.error()).isEqualTo(JobState.SUCCEEDED);
            var video = done.asset(AssetKind.VIDEO).orElseThrow();
            Path file = dir.resolve("assets").resolve(video.key().value());
            assertThat(file).exists().hasSize(video.size());
            byte[] bytes = Files.readAllBytes(file);
            assertThat(new String(bytes, 4, 4, java.nio.charset.StandardCharsets.US_ASCII))
                    .isEqualTo("ftyp");
            assertThat(HexFormat.of()
                            .formatHex(MessageDigest.getInstance("SHA-256").digest(bytes)))
                    .isEqualTo(video.sha256());
            assertThat(done.asset(AssetKind.THUMBNAIL)).isPresent();
            try (InputStream in = platform.assets()
                    .open(done.asset(AssetKind.THUMBNAIL).orElseThrow().key())) {
                assertThat(javax.imageio.ImageIO.read(in)).isNotNull();
            }
        }
    }
}
