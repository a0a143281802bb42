package dev.avatarkit.runtime.influencer;

import static org.assertj.core.api.Assertions.assertThat;

import dev.avatarkit.core.domain.AssetKey;
import dev.avatarkit.core.domain.IdentitySpec;
import dev.avatarkit.core.domain.Job;
import dev.avatarkit.core.domain.JobState;
import dev.avatarkit.core.engine.EnginePolicy;
import dev.avatarkit.core.influencer.CreateInfluencer;
import dev.avatarkit.core.influencer.DefaultShots;
import dev.avatarkit.core.influencer.InfluencerStatus;
import dev.avatarkit.runtime.AvatarkitConfig;
import dev.avatarkit.runtime.ConfigLoader;
import dev.avatarkit.runtime.Platform;
import dev.avatarkit.runtime.PlatformOptions;
import dev.avatarkit.sim.Imaging;
import java.awt.image.BufferedImage;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import javax.imageio.ImageIO;
import org.awaitility.Awaitility;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * An influencer through the whole assembly on the sandbox simulator, both dialects (v3 prompt avatars with the
 * base look as {@code avatar_id}; v2 photo avatars): identity, stills, manifest and contact sheet on local disk.
 */
class InfluencerSimIT {
    private static final int STILLS = 6;

    @Test
    void givenTheV3Sandbox_whenAnInfluencerIsCreated_thenEveryStillManifestAndContactSheetAreStored(@TempDir Path dir)
            throws Exception {
        influencerEndToEnd("v3", dir);
    }

    /**
     * v2 photo avatars: the identity is a trained avatar group (photo/generate → generation → avatar_group/create →
     * train); its ref {@code group:<group_id>:<generation_id>} gives each still's {@code look/generate} its group.
     */
    @Test
    void givenTheV2Sandbox_whenAnInfluencerIsCreated_thenEveryStillManifestAndContactSheetAreStored(@TempDir Path dir)
            throws Exception {
        influencerEndToEnd("v2", dir);
    }

    private void influencerEndToEnd(String version, Path dir) throws Exception {
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
            IdentitySpec spec = new IdentitySpec(
                    "Mia",
                    "woman in her twenties, short black bob, freckles",
                    "25",
                    "woman",
                    null,
                    "Realistic",
                    List.of(),
                    DefaultShots.first(STILLS));

            Job identity = new CreateInfluencer(platform.createJob())
                    .create(CreateInfluencer.Command.remote(spec, null))
                    .identity();
            Job base = platform.awaitJob().await(identity.id(), Duration.ofSeconds(60), j -> {});
            assertThat(base.state()).as("error: %s", base.error()).isEqualTo(JobState.SUCCEEDED);
            InfluencerStatus status = new InfluencerStatus(platform.jobs());
            Path root = dir.resolve("assets");
            AssetKey manifest = AssetKey.of("influencers", identity.id().value(), "manifest.json");
            AssetKey sheet = AssetKey.of("influencers", identity.id().value(), "contact-sheet.png");
            // the report is written by the last still's afterFinish hook, just after its state is committed;
            // real HTTP, real scheduler threads: wall-clock waiting is the point here
            InfluencerStatus.View view = Awaitility.await("influencer " + identity.id() + " finished with its manifest")
                    .atMost(Duration.ofSeconds(90))
                    .pollInterval(Duration.ofMillis(100))
                    .until(
                            () -> status.status(identity.id()),
                            v -> v.finished() && platform.assets().exists(manifest));

            assertThat(view.failed()).as("failed stills").isEmpty();
            assertThat(view.complete()).isTrue();
            assertThat(view.stored()).hasSize(STILLS);
            assertThat(view.stored().stream().map(s -> s.asset().sha256()).distinct())
                    .hasSize(STILLS);
            for (InfluencerStatus.StoredStill still : view.stored()) {
                Path file = root.resolve(still.asset().key().value());
                assertThat(file.toString())
                        .endsWith("influencers/" + identity.id() + "/stills/"
                                + still.shot().fileStem() + ".png");
                BufferedImage image = ImageIO.read(file.toFile());
                assertThat(image).as("still %s decodes", file).isNotNull();
                // issue 16 #6: the stored still is the one its own look produced (the simulator marks each image)
                String ref = platform.jobs()
                        .find(still.jobId())
                        .orElseThrow()
                        .providerRef()
                        .value();
                assertThat(Imaging.markOf(Files.readAllBytes(file)))
                        .as("source mark of %s", file)
                        .hasValueSatisfying(
                                mark -> assertThat(mark).startsWith(ref.substring(ref.lastIndexOf(':') + 1)));
            }
            assertThat(Files.readString(root.resolve(manifest.value()))).contains("\"stored\": " + STILLS);
            assertThat(ImageIO.read(root.resolve(sheet.value()).toFile())).isNotNull();
            var stats = dev.avatarkit.sim.HeyGenSandbox.simulatorOf(
                            platform.sandbox().orElseThrow())
                    .stats();
            assertThat(stats.duplicateCreates())
                    .as("duplicate creates at the simulator")
                    .isZero();
            assertThat(stats.createsForIdempotencyKey(identity.idempotencyKey().value()))
                    .isLessThanOrEqualTo(1);
        }
    }
}
