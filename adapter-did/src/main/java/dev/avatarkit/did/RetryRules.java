package dev.avatarkit.did;

import dev.avatarkit.core.port.ProviderException;
import dev.avatarkit.core.port.ProviderUnavailableException;
import dev.avatarkit.core.port.RateLimitedException;
import dev.avatarkit.core.port.Sleeper;
import dev.avatarkit.core.retry.Backoff;
import java.time.Duration;
import java.util.function.Consumer;
import java.util.function.Supplier;

/**
 * Whether a failed D-ID call is tried again, and when.
 * <ul>
 *   <li>429 on any call: D-ID refused it unprocessed, so even a create is safe to resend. The wait is the backoff or
 *       {@code Retry-After}, whichever is longer, capped.</li>
 *   <li>5xx and I/O failures ({@link ProviderUnavailableException}) only on reads: D-ID has no idempotency key, so a
 *       create that failed this way surfaces at once as outcome-unknown for the engine to reconcile.</li>
 *   <li>Everything else is final.</li>
 * </ul>
 * Backoff doubles from the first delay up to the cap, without jitter (few clients share a D-ID account); waiting goes
 * through the injected {@link Sleeper}, so tests never sleep.
 */
final class RetryRules {
    /** Core's one backoff curve, without jitter (see above). */
    private static final Backoff CURVE = Backoff.withFactor(() -> 1.0);

    /** What is retried, for metrics: the route and {@code rate_limited} or {@code unavailable}. */
    record Reason(String operation, String kind) {}

    private final DidConfig.Retries limits;
    private final Sleeper sleeper;
    private final Consumer<Reason> onRetry;

    RetryRules(DidConfig.Retries limits, Sleeper sleeper, Consumer<Reason> onRetry) {
        this.limits = limits;
        this.sleeper = sleeper;
        this.onRetry = onRetry;
    }

    <T> T run(String operation, boolean read, Supplier<T> attempt) {
        for (int retry = 0; ; retry++) {
            try {
                return attempt.get();
            } catch (RateLimitedException e) {
                if (retry >= limits.max()) throw e;
                pause(operation, "rate_limited", longer(backoff(retry), e.retryAfter()), e);
            } catch (ProviderUnavailableException e) {
                if (!read || retry >= limits.max()) throw e;
                pause(operation, "unavailable", backoff(retry), e);
            }
        }
    }

    /** The wait before the {@code retry}-th retry (0-based). */
    Duration backoff(int retry) {
        return CURVE.delay(limits.firstDelay(), limits.maxDelay(), 2.0, retry);
    }

    private Duration longer(Duration a, Duration b) {
        Duration wait = b != null && b.compareTo(a) > 0 ? b : a;
        return wait.compareTo(limits.maxDelay()) > 0 ? limits.maxDelay() : wait;
    }

    private void pause(String operation, String kind, Duration wait, ProviderException cause) {
        onRetry.accept(new Reason(operation, kind));
        try {
            sleeper.sleep(wait);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw cause;
        }
    }
}
