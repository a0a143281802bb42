package dev.avatarkit.heygen;

import dev.avatarkit.core.port.ConflictException;
import dev.avatarkit.core.port.OutcomeUnknownException;
import dev.avatarkit.core.port.ProviderException;
import dev.avatarkit.core.port.ProviderUnavailableException;
import dev.avatarkit.core.port.RateLimitedException;
import dev.avatarkit.core.port.Sleeper;
import dev.avatarkit.core.retry.Backoff;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.function.Consumer;
import java.util.function.DoubleSupplier;
import java.util.function.Supplier;

/**
 * The one place that decides whether a failed HeyGen call is tried again (DESIGN §4.3).
 *
 * <ul>
 *   <li>429: always retried — the server rejected the request without processing it. The wait is the larger of the
 *       backoff and {@code Retry-After} (seconds or HTTP date), capped; the rate gate is drained meanwhile.</li>
 *   <li>5xx / IO ({@link ProviderUnavailableException}, {@link OutcomeUnknownException}) and 409
 *       {@code request_in_progress}: retried only for idempotent calls — GETs, and v3 creates that carry the
 *       job's {@code Idempotency-Key} (a replay returns the original render). A legacy create has no key, so an
 *       ambiguous outcome is surfaced at once for the engine to reconcile: retrying could pay twice.</li>
 *   <li>Everything else (400/401/402/404…) is final.</li>
 * </ul>
 * The waits come from core's one {@link Backoff} (doubling from {@code baseDelay}, capped at {@code maxDelay}, full
 * jitter unless a factor is injected), bounded by a retry count and a time budget; sleeping goes through the injected
 * {@link Sleeper} and time through the injected {@link Clock}, so tests never sleep.
 */
final class RetryPolicy {
    private final HeyGenConfig.Retry limits;
    private final Sleeper sleeper;
    private final Clock clock;
    private final Backoff backoff;
    private final Consumer<Duration> onRateLimited;

    RetryPolicy(
            HeyGenConfig.Retry limits,
            Sleeper sleeper,
            Clock clock,
            DoubleSupplier jitter,
            Consumer<Duration> onRateLimited) {
        this.limits = limits;
        this.sleeper = sleeper;
        this.clock = clock;
        this.backoff = jitter == null ? Backoff.fullJitter() : Backoff.withFactor(jitter);
        this.onRateLimited = onRateLimited == null ? d -> {} : onRateLimited;
    }

    /** Runs {@code attempt} until it succeeds or a failure is final; only {@link ProviderException}s escape. */
    <T> T run(boolean idempotent, Supplier<T> attempt) {
        return run(idempotent, attempt, e -> {});
    }

    /** As {@link #run(boolean, Supplier)}, telling {@code beforeRetry} of each failure that is about to be retried. */
    <T> T run(boolean idempotent, Supplier<T> attempt, Consumer<ProviderException> beforeRetry) {
        Instant start = clock.instant();
        for (int retry = 0; ; retry++) {
            try {
                return attempt.get();
            } catch (ProviderException e) {
                if (retry >= limits.maxRetries() || !retryable(e, idempotent)) throw e;
                Duration retryAfter = e instanceof RateLimitedException r ? r.retryAfter() : Duration.ZERO;
                Duration delay = delay(retry, retryAfter);
                if (Duration.between(start, clock.instant()).plus(delay).compareTo(limits.budget()) > 0) throw e;
                if (e instanceof RateLimitedException) onRateLimited.accept(delay);
                beforeRetry.accept(e);
                sleep(delay, e);
            }
        }
    }

    /** A retried failure's kind, as metrics name it (see {@link dev.avatarkit.core.port.ProviderCallListener}). */
    static String reason(ProviderException e) {
        if (e instanceof RateLimitedException) return "rate_limited";
        if (e instanceof OutcomeUnknownException) return "outcome_unknown";
        if (e instanceof ConflictException) return "conflict";
        return "unavailable";
    }

    static boolean retryable(ProviderException e, boolean idempotent) {
        if (e instanceof RateLimitedException) return true;
        if (e instanceof ProviderUnavailableException
                || e instanceof OutcomeUnknownException
                || e instanceof ConflictException) {
            return idempotent;
        }
        return false;
    }

    /** Backoff for the {@code retry}-th retry (0-based), at least {@code retryAfter}, capped at maxDelay. */
    Duration delay(int retry, Duration retryAfter) {
        return backoff.delay(limits.baseDelay(), limits.maxDelay(), 2.0, retry, retryAfter);
    }

    /** Parses {@code Retry-After} as seconds or an HTTP date; null/garbage → zero; capped at maxDelay. */
    Duration parseRetryAfter(String header) {
        return Backoff.retryAfter(header, clock, limits.maxDelay());
    }

    private void sleep(Duration delay, ProviderException cause) {
        try {
            sleeper.sleep(delay);
        } catch (InterruptedException ie) {
            Thread.currentThread().interrupt();
            throw cause;
        }
    }
}
