package dev.avatarkit.examples;

import static org.assertj.core.api.Assertions.assertThat;

import dev.avatarkit.core.domain.AssetKind;
import dev.avatarkit.core.domain.Job;
import dev.avatarkit.core.domain.JobState;
import dev.avatarkit.core.domain.StoredAsset;
import dev.avatarkit.sim.HeyGenSimulator;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.MessageDigest;
import java.time.Duration;
import java.util.HexFormat;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The README's library snippet, run as written against the HeyGen simulator: it renders, waits and stores. */
class RenderOneVideoTest {
    /** HeyGen's stand-in on a free loopback port, rendering in 0.3 s. */
    static HeyGenSimulator simulator() {
        return HeyGenSimulator.builder()
                .port(0)
                .renderTime(Duration.ofMillis(300))
                .build()
                .start();
    }

    @Test
    void givenTheSimulator_whenTheSnippetRuns_thenTheVideoIsStoredWithItsChecksum(@TempDir Path dir) throws Exception {
        try (HeyGenSimulator sim = RenderOneVideoTest.simulator()) {
            Job job =
                    RenderOneVideo.run(Map.of("HEYGEN_API_KEY", "example-key", "HEYGEN_BASE_URL", sim.baseUrl()), dir);

            assertThat(job.state()).as("error: %s", job.error()).isEqualTo(JobState.SUCCEEDED);
            StoredAsset video = job.assets().stream()
                    .filter(a -> a.kind() == AssetKind.VIDEO)
                    .findFirst()
                    .orElseThrow();
            byte[] bytes = Files.readAllBytes(Path.of(video.uri()));
            assertThat(HexFormat.of()
                            .formatHex(MessageDigest.getInstance("SHA-256").digest(bytes)))
                    .isEqualTo(video.sha256());
            assertThat(new String(bytes, 4, 4, java.nio.charset.StandardCharsets.ISO_8859_1))
                    .isEqualTo("ftyp");
            assertThat(sim.stats().duplicateCreates()).isZero();
        }
    }

    @Test
    void givenASecondRunOnTheSameHome_thenTheDatabaseReopensAndOnlyItsOwnVideoIsCreated(@TempDir Path dir)
            throws Exception {
        try (HeyGenSimulator sim = RenderOneVideoTest.simulator()) {
            Map<String, String> settings = Map.of("HEYGEN_API_KEY", "example-key", "HEYGEN_BASE_URL", sim.baseUrl());
            RenderOneVideo.run(settings, dir);
            long creates = sim.stats().jobsCreated();
            RenderOneVideo.run(settings, dir); // a second, separate video: one more create, nothing repeated
            assertThat(sim.stats().jobsCreated()).isEqualTo(creates + 1);
            assertThat(sim.stats().duplicateCreates()).isZero();
        }
    }
}
