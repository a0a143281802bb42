package dev.avatarkit.heygen;

import dev.avatarkit.core.domain.Require;
import java.net.URI;
import java.time.Duration;

/**
 * Everything the HeyGen adapter needs, validated on construction.
 *
 * @param apiKey         {@code HEYGEN_API_KEY}
 * @param baseUrl        {@code HEYGEN_BASE_URL}, default {@code https://api.heygen.com}
 * @param uploadUrl      {@code HEYGEN_UPLOAD_URL} (legacy raw-bytes upload host), default {@code https://upload.heygen.com}
 * @param apiVersion     {@code HEYGEN_API_VERSION}: v3 (default) or v2
 * @param maxConcurrency {@code HEYGEN_MAX_CONCURRENCY}: renders in flight per account, default 3
 * @param webhookSecret  {@code HEYGEN_WEBHOOK_SECRET}, or null (then every webhook is rejected)
 * @param timeouts       per-operation HTTP timeouts
 * @param retry          retry budget and caps
 * @param requestsPerSecond ceiling of the adaptive request-rate gate (halved on a 429, grown back after); 0
 *                          disables it. Default 50: HeyGen documents no per-second quota for video APIs and signals
 *                          its limits with 429 + {@code Retry-After}, which the gate follows (see {@code RateGate})
 */
public record HeyGenConfig(
        ApiKey apiKey,
        URI baseUrl,
        URI uploadUrl,
        ApiVersion apiVersion,
        int maxConcurrency,
        String webhookSecret,
        Timeouts timeouts,
        Retry retry,
        double requestsPerSecond) {
    public static final URI DEFAULT_BASE_URL = URI.create("https://api.heygen.com");
    public static final URI DEFAULT_UPLOAD_URL = URI.create("https://upload.heygen.com");
    public static final int DEFAULT_MAX_CONCURRENCY = 3;
    public static final double DEFAULT_REQUESTS_PER_SECOND = 50;

    public HeyGenConfig {
        Require.nonNull(apiKey, "apiKey");
        baseUrl = httpUrl(baseUrl == null ? DEFAULT_BASE_URL : baseUrl, "HEYGEN_BASE_URL");
        uploadUrl = httpUrl(uploadUrl == null ? DEFAULT_UPLOAD_URL : uploadUrl, "HEYGEN_UPLOAD_URL");
        apiVersion = apiVersion == null ? ApiVersion.V3 : apiVersion;
        Require.between(maxConcurrency, 1, 100, "HEYGEN_MAX_CONCURRENCY");
        if (webhookSecret != null && webhookSecret.isBlank()) webhookSecret = null;
        timeouts = timeouts == null ? Timeouts.defaults() : timeouts;
        retry = retry == null ? Retry.defaults() : retry;
        Require.between(requestsPerSecond, 0, 10_000, "requestsPerSecond");
    }

    /** The defaults for everything but the key. */
    public static HeyGenConfig of(ApiKey apiKey) {
        return new HeyGenConfig(
                apiKey,
                null,
                null,
                ApiVersion.V3,
                DEFAULT_MAX_CONCURRENCY,
                null,
                null,
                null,
                DEFAULT_REQUESTS_PER_SECOND);
    }

    public HeyGenConfig withBaseUrl(URI base) {
        return new HeyGenConfig(
                apiKey, base, uploadUrl, apiVersion, maxConcurrency, webhookSecret, timeouts, retry, requestsPerSecond);
    }

    public HeyGenConfig withUploadUrl(URI upload) {
        return new HeyGenConfig(
                apiKey, baseUrl, upload, apiVersion, maxConcurrency, webhookSecret, timeouts, retry, requestsPerSecond);
    }

    public HeyGenConfig withApiVersion(ApiVersion version) {
        return new HeyGenConfig(
                apiKey, baseUrl, uploadUrl, version, maxConcurrency, webhookSecret, timeouts, retry, requestsPerSecond);
    }

    public HeyGenConfig withWebhookSecret(String secret) {
        return new HeyGenConfig(
                apiKey, baseUrl, uploadUrl, apiVersion, maxConcurrency, secret, timeouts, retry, requestsPerSecond);
    }

    public HeyGenConfig withTimeouts(Timeouts t) {
        return new HeyGenConfig(
                apiKey, baseUrl, uploadUrl, apiVersion, maxConcurrency, webhookSecret, t, retry, requestsPerSecond);
    }

    public HeyGenConfig withRetry(Retry r) {
        return new HeyGenConfig(
                apiKey, baseUrl, uploadUrl, apiVersion, maxConcurrency, webhookSecret, timeouts, r, requestsPerSecond);
    }

    public HeyGenConfig withMaxConcurrency(int n) {
        return new HeyGenConfig(
                apiKey, baseUrl, uploadUrl, apiVersion, n, webhookSecret, timeouts, retry, requestsPerSecond);
    }

    public HeyGenConfig withRequestsPerSecond(double rps) {
        return new HeyGenConfig(
                apiKey, baseUrl, uploadUrl, apiVersion, maxConcurrency, webhookSecret, timeouts, retry, rps);
    }

    @Override
    public String toString() {
        return "HeyGenConfig[apiKey=" + apiKey + ", baseUrl=" + baseUrl + ", uploadUrl=" + uploadUrl + ", apiVersion="
                + apiVersion + ", maxConcurrency=" + maxConcurrency + ", webhookSecret="
                + (webhookSecret == null ? "none" : "****") + ", timeouts=" + timeouts + ", retry=" + retry
                + ", requestsPerSecond=" + requestsPerSecond + "]";
    }

    private static URI httpUrl(URI uri, String field) {
        String scheme = uri.getScheme();
        Require.that(
                ("http".equals(scheme) || "https".equals(scheme)) && uri.getHost() != null,
                field,
                "'" + field + "' must be an http(s) URL, was '" + uri + "'");
        Require.that(
                uri.getRawQuery() == null && uri.getRawFragment() == null,
                field,
                "'" + field + "' must not carry a query or fragment");
        return uri;
    }

    /** HTTP timeouts per kind of call (HeyGen's own CLI: 30 s reads, 120 s creates, 10 min transfers). */
    public record Timeouts(Duration connect, Duration read, Duration create, Duration transfer) {
        public Timeouts {
            positive(connect, "timeouts.connect");
            positive(read, "timeouts.read");
            positive(create, "timeouts.create");
            positive(transfer, "timeouts.transfer");
        }

        public static Timeouts defaults() {
            return new Timeouts(
                    Duration.ofSeconds(10), Duration.ofSeconds(30), Duration.ofSeconds(120), Duration.ofMinutes(10));
        }
    }

    /**
     * Retry limits.
     *
     * @param maxRetries    retries after the first attempt, per call
     * @param baseDelay     first backoff (doubles per attempt, jittered ±25 %)
     * @param maxDelay      cap on one backoff and on any {@code Retry-After}
     * @param budget        total time one call may spend retrying
     * @param downloadAttempts how many times a download may (re)open its stream
     */
    public record Retry(int maxRetries, Duration baseDelay, Duration maxDelay, Duration budget, int downloadAttempts) {
        public Retry {
            Require.between(maxRetries, 0, 20, "retry.maxRetries");
            positive(baseDelay, "retry.baseDelay");
            positive(maxDelay, "retry.maxDelay");
            positive(budget, "retry.budget");
            Require.between(downloadAttempts, 1, 50, "retry.downloadAttempts");
        }

        public static Retry defaults() {
            return new Retry(3, Duration.ofSeconds(1), Duration.ofSeconds(30), Duration.ofMinutes(2), 6);
        }
    }

    private static void positive(Duration d, String field) {
        Require.nonNull(d, field);
        Require.that(!d.isNegative() && !d.isZero(), field, "'" + field + "' must be positive");
    }
}
