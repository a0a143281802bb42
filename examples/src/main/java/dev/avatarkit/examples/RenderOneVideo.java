package dev.avatarkit.examples;

import dev.avatarkit.core.domain.Job;
import dev.avatarkit.core.domain.StoredAsset;
import dev.avatarkit.core.domain.VideoSpec;
import dev.avatarkit.embed.Avatarkit;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Map;

/**
 * The README's "Use as a library" snippet, runnable: renders one HeyGen video, waits for it, prints its stored files.
 * {@code HEYGEN_API_KEY=… java -cp … dev.avatarkit.examples.RenderOneVideo}
 */
public final class RenderOneVideo {
    private RenderOneVideo() {}

    public static void main(String[] args) throws InterruptedException {
        Job job = run(System.getenv(), Path.of("avatarkit-data"));
        System.exit(job.state().name().equals("SUCCEEDED") ? 0 : 1);
    }

    /** @param settings provider settings: {@code HEYGEN_API_KEY} (and {@code HEYGEN_BASE_URL} for a simulator) */
    public static Job run(Map<String, String> settings, Path home) throws InterruptedException {
        // --- snippet: README "Use as a library" ---
        try (Avatarkit avatarkit = Avatarkit.builder()
                .home(home) // SQLite jobs + local files live here
                .setting("HEYGEN_API_KEY", settings.get("HEYGEN_API_KEY"))
                .setting("HEYGEN_BASE_URL", settings.get("HEYGEN_BASE_URL")) // optional: a simulator
                .build()) {
            Job job = avatarkit.renderAndWait(
                    VideoSpec.singleAvatar(
                            "Daisy-inskirt-20220818", "2d5b0e6cf36f460aa7fc47e3eee4ba54", "Hello from avatarkit"),
                    Duration.ofMinutes(10));
            for (StoredAsset asset : job.assets()) {
                System.out.println(
                        asset.kind() + " " + asset.uri() + " " + asset.size() + " bytes sha256 " + asset.sha256());
            }
            return job;
        }
        // --- end of snippet ---
    }
}
