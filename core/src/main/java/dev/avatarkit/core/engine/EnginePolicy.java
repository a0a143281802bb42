package dev.avatarkit.core.engine;

import dev.avatarkit.core.domain.Require;
import java.time.Duration;

/**
 * The engine's timing knobs. Polls are planned from the render times learned per kind ({@code RenderTimes}); before
 * the first render of a kind is found, the first poll waits {@code pollInitial} (half of it while jobs wait for a
 * render slot) and each next one a share of the render so far, up to {@code pollMax}. A failed download is retried from {@code pollInitial}, growing by {@code
 * pollMultiplier} up to {@code pollMax} (±20 % jitter). A render still unfinished after {@code renderTimeout} fails
 * as {@code render_timeout} (retryable: a retry polls again, it does not pay again).
 */
public record EnginePolicy(
        Duration pollInitial,
        Duration pollMax,
        double pollMultiplier,
        Duration renderTimeout,
        Duration submitRetryDelay,
        Duration gateRecheck,
        int downloadAttempts,
        Duration creditBreakerOpenFor,
        int maxConcurrency) {
    public EnginePolicy {
        Require.nonNull(pollInitial, "pollInitial");
        Require.nonNull(pollMax, "pollMax");
        Require.that(pollMultiplier >= 1.0, "pollMultiplier", "'pollMultiplier' must be >= 1");
        Require.nonNull(renderTimeout, "renderTimeout");
        Require.nonNull(submitRetryDelay, "submitRetryDelay");
        Require.nonNull(gateRecheck, "gateRecheck");
        Require.between(downloadAttempts, 1, 100, "downloadAttempts");
        Require.nonNull(creditBreakerOpenFor, "creditBreakerOpenFor");
        Require.between(maxConcurrency, 1, 1000, "maxConcurrency");
    }

    /** A concurrency cap that leaves the gate's size to each provider's capabilities. */
    public static final int NO_CAP = 1000;

    /** HeyGen's own CLI polls 2 s → 30 s; renders rarely take more than an hour. */
    public static EnginePolicy defaults(int maxConcurrency) {
        return new EnginePolicy(
                Duration.ofSeconds(2),
                Duration.ofSeconds(30),
                1.5,
                Duration.ofHours(2),
                Duration.ofSeconds(5),
                Duration.ofSeconds(15),
                5,
                Duration.ofMinutes(5),
                maxConcurrency);
    }

    public EnginePolicy withPolling(Duration initial, Duration max) {
        return new EnginePolicy(
                initial,
                max,
                pollMultiplier,
                renderTimeout,
                submitRetryDelay,
                gateRecheck,
                downloadAttempts,
                creditBreakerOpenFor,
                maxConcurrency);
    }

    public EnginePolicy withRenderTimeout(Duration timeout) {
        return new EnginePolicy(
                pollInitial,
                pollMax,
                pollMultiplier,
                timeout,
                submitRetryDelay,
                gateRecheck,
                downloadAttempts,
                creditBreakerOpenFor,
                maxConcurrency);
    }

    /** This policy with its cap on renders in flight lowered to {@code cap} (a cap above its own changes nothing). */
    public EnginePolicy withMaxConcurrencyAtMost(int cap) {
        if (cap >= maxConcurrency) return this;
        return new EnginePolicy(
                pollInitial,
                pollMax,
                pollMultiplier,
                renderTimeout,
                submitRetryDelay,
                gateRecheck,
                downloadAttempts,
                creditBreakerOpenFor,
                cap);
    }
}
