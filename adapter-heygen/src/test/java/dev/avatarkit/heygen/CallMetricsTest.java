package dev.avatarkit.heygen;

import static org.assertj.core.api.Assertions.assertThat;

import dev.avatarkit.core.domain.ProviderRef;
import dev.avatarkit.core.port.ProviderCallListener;
import dev.avatarkit.testkit.fakes.ManualClock;
import dev.avatarkit.testkit.fakes.RecordingSleeper;
import java.net.URI;
import java.time.Duration;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import okhttp3.mockwebserver.MockResponse;
import okhttp3.mockwebserver.MockWebServer;
import org.junit.jupiter.api.Test;

/** Issue 20: the adapter reports each request (route template, outcome, latency) and each retry, for /metrics. */
class CallMetricsTest {
    private final List<String> exchanges = new CopyOnWriteArrayList<>();
    private final List<String> retries = new CopyOnWriteArrayList<>();
    private final ProviderCallListener recorder = new ProviderCallListener() {
        @Override
        public void exchanged(String provider, String route, String outcome, Duration latency) {
            assertThat(latency.isNegative()).isFalse();
            exchanges.add(provider + " " + route + " " + outcome);
        }

        @Override
        public void retrying(String provider, String operation, String reason) {
            retries.add(provider + " " + operation + " " + reason);
        }
    };

    @Test
    void givenA429ThenA200_whenReadingAStatus_thenBothExchangesAndTheRetryAreReportedByRouteTemplate()
            throws Exception {
        try (MockWebServer server = new MockWebServer()) {
            server.enqueue(new MockResponse()
                    .setResponseCode(429)
                    .setHeader("Retry-After", "1")
                    .setBody("{\"error\":{\"code\":\"rate_limit_exceeded\",\"message\":\"slow down\"}}"));
            server.enqueue(new MockResponse()
                    .setResponseCode(200)
                    .setHeader("Content-Type", "application/json")
                    .setBody("{\"data\":{\"id\":\"v1\",\"status\":\"processing\"}}"));
            server.start();
            URI base = server.url("/").uri();
            ManualClock clock = ManualClock.startingAt("2026-05-01T12:00:00Z");
            HeyGen heygen = HeyGen.create(
                    HeyGenConfig.of(new ApiKey("sk-metrics-secret"))
                            .withBaseUrl(base)
                            .withUploadUrl(base)
                            .withRequestsPerSecond(0),
                    clock,
                    new RecordingSleeper(clock),
                    recorder);

            heygen.videos().status(new ProviderRef("8f3c0a9d"));

            // the template, never the id: label values stay bounded and carry no data
            assertThat(exchanges).containsExactly("heygen GET v3/videos/{id} 429", "heygen GET v3/videos/{id} 2xx");
            assertThat(retries).containsExactly("heygen video status rate_limited");
            assertThat(String.join(" ", exchanges) + retries)
                    .doesNotContain("8f3c0a9d")
                    .doesNotContain("sk-metrics-secret");
        }
    }

    @Test
    void givenAConnectionThatFails_thenTheExchangeIsAnIoError() throws Exception {
        MockWebServer server = new MockWebServer();
        server.start();
        URI base = server.url("/").uri();
        server.shutdown(); // nothing listens there any more
        ManualClock clock = ManualClock.startingAt("2026-05-01T12:00:00Z");
        HeyGen heygen = HeyGen.create(
                HeyGenConfig.of(new ApiKey("k"))
                        .withBaseUrl(base)
                        .withUploadUrl(base)
                        .withRequestsPerSecond(0),
                clock,
                new RecordingSleeper(clock),
                recorder);

        try {
            heygen.videos().status(new ProviderRef("v1"));
        } catch (RuntimeException expected) {
            // unavailable after the adapter's retries
        }

        assertThat(exchanges)
                .isNotEmpty()
                .allSatisfy(e -> assertThat(e).isEqualTo("heygen GET v3/videos/{id} io_error"));
    }
}
