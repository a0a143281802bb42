package dev.avatarkit.http;

import dev.avatarkit.core.domain.ValidationException;
import java.time.Duration;
import java.util.Map;

/**
 * What one client, or all of them, may hold at once: unfinished jobs (admission control), event streams, webhook
 * bodies being received; and how long a connection or a webhook body may take. Read from the environment
 * ({@code AVATARKIT_HTTP_MAX_QUEUED_PER_TOKEN}, {@code AVATARKIT_HTTP_MAX_QUEUED}, {@code AVATARKIT_HTTP_MAX_STREAMS_PER_TOKEN},
 * {@code AVATARKIT_HTTP_MAX_STREAMS}); the rest are fixed defaults that tests shorten.
 *
 * @param maxQueuedPerToken unfinished jobs one bearer token's requests may have created (this process)
 * @param maxQueued         unfinished jobs in this process, whoever created them (resumed ones included)
 * @param retryAfter        the {@code Retry-After} given with a 429 (queue full: roughly how long a slot takes to free)
 * @param maxStreamsPerToken open event streams per bearer token
 * @param maxStreams        open event streams in total
 * @param maxWebhookReads   webhook bodies being received at once (each holds up to the webhook body limit in memory)
 * @param webhookDeadline   the whole webhook body must arrive within this (a slow sender gets 408, never a thread)
 * @param idleTimeout       a connection with no traffic for this long is closed (Jetty)
 * @param minRequestRate    bytes/s below which a blocking body read is cut with 408 (authenticated uploads)
 * @param maxThreads        Jetty's worker threads (nothing long-lived may hold one: streams and webhook bodies are async)
 */
record HttpLimits(
        int maxQueuedPerToken,
        int maxQueued,
        Duration retryAfter,
        int maxStreamsPerToken,
        int maxStreams,
        int maxWebhookReads,
        Duration webhookDeadline,
        Duration idleTimeout,
        long minRequestRate,
        int maxThreads) {
    static final String MAX_QUEUED_PER_TOKEN = "AVATARKIT_HTTP_MAX_QUEUED_PER_TOKEN";
    static final String MAX_QUEUED = "AVATARKIT_HTTP_MAX_QUEUED";
    static final String MAX_STREAMS_PER_TOKEN = "AVATARKIT_HTTP_MAX_STREAMS_PER_TOKEN";
    static final String MAX_STREAMS = "AVATARKIT_HTTP_MAX_STREAMS";

    HttpLimits {
        positive(maxQueuedPerToken, MAX_QUEUED_PER_TOKEN);
        positive(maxQueued, MAX_QUEUED);
        positive(maxStreamsPerToken, MAX_STREAMS_PER_TOKEN);
        positive(maxStreams, MAX_STREAMS);
        positive(maxWebhookReads, "maxWebhookReads");
        if (maxThreads < 8)
            throw new ValidationException("maxThreads", "Jetty needs at least 8 threads, was " + maxThreads);
    }

    static HttpLimits defaults() {
        return new HttpLimits(
                1_000,
                5_000,
                Duration.ofSeconds(30),
                16,
                512,
                512,
                Duration.ofSeconds(10),
                Duration.ofSeconds(30),
                1024,
                200);
    }

    /** The defaults, overridden by whichever of the four environment variables are set. */
    static HttpLimits fromEnv(Map<String, String> env) {
        HttpLimits d = defaults();
        return new HttpLimits(
                integer(env, MAX_QUEUED_PER_TOKEN, d.maxQueuedPerToken),
                integer(env, MAX_QUEUED, d.maxQueued),
                d.retryAfter,
                integer(env, MAX_STREAMS_PER_TOKEN, d.maxStreamsPerToken),
                integer(env, MAX_STREAMS, d.maxStreams),
                d.maxWebhookReads,
                d.webhookDeadline,
                d.idleTimeout,
                d.minRequestRate,
                d.maxThreads);
    }

    HttpLimits withQueue(int perToken, int total) {
        return new HttpLimits(
                perToken,
                total,
                retryAfter,
                maxStreamsPerToken,
                maxStreams,
                maxWebhookReads,
                webhookDeadline,
                idleTimeout,
                minRequestRate,
                maxThreads);
    }

    HttpLimits withStreams(int perToken, int total) {
        return new HttpLimits(
                maxQueuedPerToken,
                maxQueued,
                retryAfter,
                perToken,
                total,
                maxWebhookReads,
                webhookDeadline,
                idleTimeout,
                minRequestRate,
                maxThreads);
    }

    HttpLimits withThreads(int threads) {
        return new HttpLimits(
                maxQueuedPerToken,
                maxQueued,
                retryAfter,
                maxStreamsPerToken,
                maxStreams,
                maxWebhookReads,
                webhookDeadline,
                idleTimeout,
                minRequestRate,
                threads);
    }

    HttpLimits withIdleTimeout(Duration idle) {
        return new HttpLimits(
                maxQueuedPerToken,
                maxQueued,
                retryAfter,
                maxStreamsPerToken,
                maxStreams,
                maxWebhookReads,
                webhookDeadline,
                idle,
                minRequestRate,
                maxThreads);
    }

    HttpLimits withWebhookReads(int reads, Duration deadline) {
        return new HttpLimits(
                maxQueuedPerToken,
                maxQueued,
                retryAfter,
                maxStreamsPerToken,
                maxStreams,
                reads,
                deadline,
                idleTimeout,
                minRequestRate,
                maxThreads);
    }

    private static int integer(Map<String, String> env, String key, int fallback) {
        String raw = env.get(key);
        if (raw == null || raw.isBlank()) return fallback;
        try {
            return Integer.parseInt(raw.trim());
        } catch (NumberFormatException e) {
            throw new ValidationException(key, key + " must be a whole number, was '" + raw + "'");
        }
    }

    private static void positive(int value, String key) {
        if (value < 1) throw new ValidationException(key, key + " must be at least 1, was " + value);
    }
}
