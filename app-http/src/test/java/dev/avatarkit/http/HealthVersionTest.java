package dev.avatarkit.http;

import static org.assertj.core.api.Assertions.assertThat;

import dev.avatarkit.runtime.AvatarkitVersion;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class HealthVersionTest {
    @Test
    void givenTheServer_whenHealthzIsAsked_thenItNamesTheBuildsVersion(@TempDir Path dir) {
        try (TestServer s = TestServer.sandbox(dir)) {
            var health =
                    s.call(new okhttp3.Request.Builder().url(s.url("/healthz")).build());

            assertThat(health.status()).isEqualTo(200);
            assertThat(health.json())
                    .containsEntry("status", "ok")
                    .containsEntry("version", AvatarkitVersion.current());
            assertThat(AvatarkitVersion.current()).isNotEqualTo("unknown");
        }
    }
}
