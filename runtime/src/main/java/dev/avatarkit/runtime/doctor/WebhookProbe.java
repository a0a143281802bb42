package dev.avatarkit.runtime.doctor;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;

/**
 * Whether the webhook URL HeyGen will call answers from here. A GET on a POST-only route still proves the host,
 * port, TLS and proxy path work, so any answer below 500 counts; a 5xx means a proxy reached nothing behind it.
 */
final class WebhookProbe {
    static final Duration TIMEOUT = Duration.ofSeconds(5);

    private WebhookProbe() {}

    /** @return the HTTP status; throws with the reason when nothing answered or the answer was a 5xx */
    static int get(URI url) {
        HttpClient client = HttpClient.newBuilder()
                .connectTimeout(TIMEOUT)
                .followRedirects(HttpClient.Redirect.NEVER)
                .build();
        HttpRequest request = HttpRequest.newBuilder(url).timeout(TIMEOUT).GET().build();
        int status;
        try {
            status =
                    client.send(request, HttpResponse.BodyHandlers.discarding()).statusCode();
        } catch (IOException e) {
            throw new UncheckedIOException(
                    "unreachable from here (GET, " + TIMEOUT.toSeconds() + " s timeout): " + Causes.message(e), e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException("interrupted while reaching " + url, e);
        }
        if (status >= 500)
            throw new IllegalStateException("GET answered HTTP " + status + ": nothing healthy behind it");
        return status;
    }
}
