package dev.avatarkit.sim;

import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Delivers webhook bodies on a background executor: header {@code Heygen-Signature} = lowercase hex
 * HMAC-SHA256(secret UTF-8, raw body), plus {@code Heygen-Timestamp} (unix s) and {@code Heygen-Event-Id};
 * retries non-2xx and I/O failures with doubling backoff.
 */
final class WebhookSender {
    private static final Logger LOG = LoggerFactory.getLogger(WebhookSender.class);
    private final HttpClient http;
    private final ScheduledExecutorService executor;
    private final Stats stats;
    private final Duration backoff;
    private final int maxAttempts;

    WebhookSender(ScheduledExecutorService executor, Stats stats, Duration backoff, int maxAttempts) {
        this.executor = executor;
        this.stats = stats;
        this.backoff = backoff;
        this.maxAttempts = maxAttempts;
        this.http = HttpClient.newBuilder()
                .connectTimeout(Duration.ofSeconds(5))
                .executor(executor)
                .build();
    }

    /** How to sign one delivery. */
    enum Signing {
        SIGNED,
        UNSIGNED,
        BAD_SIGNATURE
    }

    void send(String url, String secret, byte[] body, String eventId, Signing signing) {
        executor.execute(() -> attempt(url, secret, body, eventId, signing, 1));
    }

    private void attempt(String url, String secret, byte[] body, String eventId, Signing signing, int n) {
        stats.webhookAttempt();
        HttpRequest.Builder b;
        try {
            b = HttpRequest.newBuilder(URI.create(url))
                    .timeout(Duration.ofSeconds(10))
                    .header("Content-Type", "application/json")
                    .header("Heygen-Event-Id", eventId)
                    .header("Heygen-Timestamp", String.valueOf(System.currentTimeMillis() / 1000))
                    .POST(HttpRequest.BodyPublishers.ofByteArray(body));
        } catch (IllegalArgumentException e) {
            LOG.warn("webhook url {} is not usable: {}", url, e.getMessage());
            stats.webhookFailed();
            return;
        }
        if (signing != Signing.UNSIGNED && secret != null) {
            String key = signing == Signing.BAD_SIGNATURE ? secret + "-wrong" : secret;
            b.header("Heygen-Signature", UrlSigner.hmacHex(key.getBytes(StandardCharsets.UTF_8), body));
        }
        http.sendAsync(b.build(), HttpResponse.BodyHandlers.discarding()).whenComplete((resp, err) -> {
            if (err == null && resp.statusCode() / 100 == 2) {
                stats.webhookDelivered();
            } else if (n < maxAttempts) {
                long delay = backoff.toMillis() << (n - 1);
                executor.schedule(
                        () -> attempt(url, secret, body, eventId, signing, n + 1), delay, TimeUnit.MILLISECONDS);
            } else {
                LOG.info("webhook {} to {} gave up after {} attempts", eventId, url, n);
                stats.webhookFailed();
            }
        });
    }
}
