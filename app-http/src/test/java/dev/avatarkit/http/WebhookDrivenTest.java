package dev.avatarkit.http;

import static org.assertj.core.api.Assertions.assertThat;

import dev.avatarkit.core.engine.EnginePolicy;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * With AVATARKIT_PUBLIC_URL set, HeyGen (the sandbox simulator) is given our /webhooks/heygen as callback_url and
 * its signed deliveries drive the job: with polling slowed to once a minute, a 300 ms render still finishes in seconds.
 */
class WebhookDrivenTest {
    @Test
    void givenAPublicUrl_whenTheRenderFinishes_thenTheWebhookMovesTheJobLongBeforeTheNextPoll(@TempDir Path dir)
            throws Exception {
        int port = ServerProcess.freePort();
        EnginePolicy slowPolling = EnginePolicy.defaults(3).withPolling(Duration.ofSeconds(60), Duration.ofSeconds(60));
        try (TestServer s = TestServer.start(
                dir,
                Map.of("AVATARKIT_SANDBOX", "1", "AVATARKIT_PUBLIC_URL", "http://127.0.0.1:" + port + "/"),
                port,
                slowPolling)) {
            String id = s.post("/v1/videos", TestServer.videoBody("driven by webhooks"))
                    .field("id");
            long start = System.nanoTime();
            var done = JobRoutesTest.await(s, id);
            assertThat(Duration.ofNanos(System.nanoTime() - start)).isLessThan(Duration.ofSeconds(45));
            assertThat(done.field("state")).isEqualTo("SUCCEEDED");
            assertThat(dev.avatarkit.sim.HeyGenSandbox.simulatorOf(
                                    s.platform().sandbox().orElseThrow())
                            .stats()
                            .webhooksDelivered())
                    .isPositive();
        }
    }
}
