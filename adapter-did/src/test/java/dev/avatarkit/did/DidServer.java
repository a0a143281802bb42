package dev.avatarkit.did;

import dev.avatarkit.core.port.ProviderCallListener;
import dev.avatarkit.core.port.VideoProvider;
import dev.avatarkit.core.spi.ProviderContext;
import java.io.IOException;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CopyOnWriteArrayList;
import okhttp3.mockwebserver.MockResponse;
import okhttp3.mockwebserver.MockWebServer;

/**
 * A MockWebServer standing in for api.d-id.com and the D-ID adapter pointed at it, with the sleeps and log lines the
 * adapter produced recorded instead of waited for or printed.
 */
final class DidServer implements AutoCloseable {
    /** Shaped like a D-ID Studio key ({@code user:password}); a fixture, not a real key. */
    static final String KEY = "fixture-user@example.com:fixture-pass-0000";

    static final Instant NOW = Instant.parse("2026-11-30T08:00:00Z");

    final MockWebServer server = new MockWebServer();
    final List<Duration> sleeps = new CopyOnWriteArrayList<>();
    final List<String> logLines = new CopyOnWriteArrayList<>();
    final List<String> retries = new CopyOnWriteArrayList<>();
    private DidProvider provider;

    DidServer() {
        this(Map.of());
    }

    DidServer(Map<String, String> extraSettings) {
        try {
            server.start();
        } catch (IOException e) {
            throw new IllegalStateException(e);
        }
        Map<String, String> settings = new java.util.HashMap<>(Map.of(
                DidPlugin.API_KEY, KEY, DidPlugin.BASE_URL, server.url("/").toString()));
        settings.putAll(extraSettings);
        settings.values().removeIf(String::isEmpty);
        ProviderCallListener calls = new ProviderCallListener() {
            @Override
            public void retrying(String p, String operation, String reason) {
                retries.add(operation + " " + reason);
            }
        };
        ProviderContext context = new ProviderContext(Clock.fixed(NOW, ZoneOffset.UTC), sleeps::add, calls);
        DidConfig config = DidConfig.from(name -> java.util.Optional.ofNullable(settings.get(name)))
                .withTimeouts(new DidConfig.Timeouts(
                        Duration.ofSeconds(2), Duration.ofSeconds(2), Duration.ofSeconds(1), Duration.ofSeconds(2)));
        provider = new DidProvider(config, context, logLines::add);
    }

    VideoProvider videos() {
        return provider.videos().orElseThrow();
    }

    void answer(int status, String json) {
        server.enqueue(new MockResponse()
                .setResponseCode(status)
                .setHeader("Content-Type", "application/json")
                .setBody(json));
    }

    /** The next recorded request, failing the test instead of waiting forever. */
    okhttp3.mockwebserver.RecordedRequest next() {
        try {
            okhttp3.mockwebserver.RecordedRequest request =
                    server.takeRequest(5, java.util.concurrent.TimeUnit.SECONDS);
            if (request == null) throw new AssertionError("no request reached the server");
            return request;
        } catch (InterruptedException e) {
            throw new AssertionError(e);
        }
    }

    static String talk(String id, String status, String resultUrl) {
        return "{\"id\":\"" + id + "\",\"object\":\"talk\",\"status\":\"" + status
                + "\",\"created_at\":\"2026-11-30T07:59:00.000\""
                + (resultUrl == null ? "" : ",\"result_url\":\"" + resultUrl + "\"") + "}";
    }

    @Override
    public void close() throws IOException {
        provider.close();
        server.shutdown();
    }
}
