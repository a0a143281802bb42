package dev.avatarkit.did;

import dev.avatarkit.core.domain.Require;
import dev.avatarkit.core.domain.ValidationException;
import dev.avatarkit.core.spi.ProviderSettings;
import java.net.URI;
import java.time.Duration;
import java.util.Optional;

/**
 * Everything the D-ID adapter reads from configuration, validated once. The key may be absent: jobs already stored
 * can be listed without one, and the first call that needs it fails with a {@link ValidationException} naming
 * {@code DID_API_KEY} (see {@link #requireKey()}).
 *
 * @param timeouts per kind of call; creates get long ones because D-ID's gateway itself gives up at ~30 s (504)
 * @param retries  how often and how long reads are retried on 429/5xx/IO
 */
record DidConfig(
        Optional<DidKey> key, URI baseUrl, String authScheme, int maxConcurrency, Timeouts timeouts, Retries retries) {
    /** Renders in flight per account. D-ID publishes no limit (second-provider.md §A7), so this is a cautious guess. */
    static final int DEFAULT_MAX_CONCURRENCY = 3;

    static final String DEFAULT_BASE_URL = "https://api.d-id.com";
    static final String DEFAULT_AUTH_SCHEME = "Basic";

    /** Connect, read (GET/DELETE), create (POST) and transfer (downloads) timeouts. */
    record Timeouts(Duration connect, Duration read, Duration create, Duration transfer) {
        static final Timeouts DEFAULT = new Timeouts(
                Duration.ofSeconds(10), Duration.ofSeconds(30), Duration.ofSeconds(120), Duration.ofMinutes(10));
    }

    /** Read retries: at most {@code max} more attempts, backoff from {@code firstDelay} doubling to {@code maxDelay}. */
    record Retries(int max, Duration firstDelay, Duration maxDelay) {
        static final Retries DEFAULT = new Retries(4, Duration.ofMillis(500), Duration.ofSeconds(20));
    }

    DidConfig {
        Require.nonNull(key, "key");
        Require.nonNull(baseUrl, DidPlugin.BASE_URL);
        Require.that(
                "https".equals(baseUrl.getScheme()) || "http".equals(baseUrl.getScheme()),
                DidPlugin.BASE_URL,
                DidPlugin.BASE_URL + " must be an http(s) URL, was '" + baseUrl + "'");
        Require.that(
                authScheme != null && authScheme.matches("[A-Za-z][A-Za-z0-9-]*"),
                DidPlugin.AUTH_SCHEME,
                DidPlugin.AUTH_SCHEME + " must be one word such as Basic or Bearer, was '" + authScheme + "'");
        Require.between(maxConcurrency, 1, 1000, DidPlugin.MAX_CONCURRENCY);
        Require.nonNull(timeouts, "timeouts");
        Require.nonNull(retries, "retries");
    }

    static DidConfig from(ProviderSettings settings) {
        Optional<DidKey> key = settings.get(DidPlugin.API_KEY)
                .map(String::trim)
                .filter(s -> !s.isEmpty())
                .map(DidKey::new);
        String base = settings.getOr(DidPlugin.BASE_URL, DEFAULT_BASE_URL).trim();
        URI baseUrl;
        try {
            baseUrl = URI.create(base.endsWith("/") ? base : base + "/");
        } catch (IllegalArgumentException e) {
            throw new ValidationException(DidPlugin.BASE_URL, DidPlugin.BASE_URL + " is not a URL: '" + base + "'");
        }
        return new DidConfig(
                key,
                baseUrl,
                settings.getOr(DidPlugin.AUTH_SCHEME, DEFAULT_AUTH_SCHEME).trim(),
                settings.getInt(DidPlugin.MAX_CONCURRENCY, DEFAULT_MAX_CONCURRENCY, 1, 1000),
                Timeouts.DEFAULT,
                Retries.DEFAULT);
    }

    /** True when the API is on this machine (a simulator): the one place a plain-http webhook can be delivered. */
    boolean apiOnLoopback() {
        String host = baseUrl.getHost();
        return host != null
                && (host.equals("localhost") || host.startsWith("127.") || host.equals("[::1]") || host.equals("::1"));
    }

    DidKey requireKey() {
        return key.orElseThrow(() -> new ValidationException(
                DidPlugin.API_KEY,
                "no D-ID API key: set " + DidPlugin.API_KEY
                        + " (D-ID Studio > Account settings > API key) or try everything offline with --sandbox"));
    }

    DidConfig withRetries(Retries newRetries) {
        return new DidConfig(key, baseUrl, authScheme, maxConcurrency, timeouts, newRetries);
    }

    DidConfig withTimeouts(Timeouts newTimeouts) {
        return new DidConfig(key, baseUrl, authScheme, maxConcurrency, newTimeouts, retries);
    }
}
