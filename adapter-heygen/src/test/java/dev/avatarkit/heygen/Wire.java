package dev.avatarkit.heygen;

import dev.avatarkit.testkit.fakes.ManualClock;
import dev.avatarkit.testkit.fakes.RecordingSleeper;
import java.io.IOException;
import java.net.URI;
import java.time.Duration;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import okhttp3.mockwebserver.MockResponse;
import okhttp3.mockwebserver.MockWebServer;
import okhttp3.mockwebserver.RecordedRequest;

/** A HeyGen adapter pointed at a MockWebServer, with a manual clock, a recording sleeper and a captured log. */
final class Wire implements AutoCloseable {
    static final String KEY = "sk-live-THIS-IS-SECRET-0123456789";
    final MockWebServer server = new MockWebServer();
    final ManualClock clock = ManualClock.startingAt("2026-05-01T12:00:00Z");
    final RecordingSleeper sleeper = new RecordingSleeper(clock);
    final List<String> log = new CopyOnWriteArrayList<>();
    final HeyGen heygen;

    Wire(ApiVersion version) {
        this(version, "whsec_test");
    }

    Wire(ApiVersion version, String webhookSecret) {
        try {
            server.start();
        } catch (IOException e) {
            throw new IllegalStateException(e);
        }
        URI base = server.url("/").uri();
        HeyGenConfig config = HeyGenConfig.of(new ApiKey(KEY))
                .withBaseUrl(base)
                .withUploadUrl(base)
                .withApiVersion(version)
                .withWebhookSecret(webhookSecret)
                .withRequestsPerSecond(0)
                .withTimeouts(new HeyGenConfig.Timeouts(
                        Duration.ofSeconds(2), Duration.ofSeconds(2), Duration.ofSeconds(2), Duration.ofSeconds(5)));
        heygen = HeyGen.create(config, clock, sleeper, () -> 1.0, log::add);
    }

    Wire json(int status, String body) {
        server.enqueue(new MockResponse()
                .setResponseCode(status)
                .setHeader("Content-Type", "application/json")
                .setHeader("X-Request-Id", "req-" + status)
                .setBody(body));
        return this;
    }

    Wire enqueue(MockResponse response) {
        server.enqueue(response);
        return this;
    }

    RecordedRequest take() {
        try {
            return server.takeRequest(2, java.util.concurrent.TimeUnit.SECONDS);
        } catch (InterruptedException e) {
            throw new IllegalStateException(e);
        }
    }

    String url(String path) {
        return server.url(path).toString();
    }

    @Override
    public void close() throws IOException {
        heygen.close();
        server.close();
    }
}
