package dev.avatarkit.heygen;

import dev.avatarkit.core.port.Sleeper;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;

/**
 * The request-rate gate, adaptive (additive increase, multiplicative decrease, as TCP): at most the current rate of
 * requests start per second on average, and up to a second's worth may start at once (a token bucket, kept as one
 * "theoretical arrival time"). It starts at the configured rate, its ceiling. A 429 halves the rate (once per
 * drain, not per request that met it; never below one a second) and nothing starts until the provider's
 * {@code Retry-After} has passed ("drain"); then the rate grows back by one request a second for every second
 * without a 429.
 *
 * <p>Why adaptive and why a high ceiling: HeyGen documents no per-second quota for its video API (the legacy limits
 * page: "non-test videos are not rate-limited"; v3 answers 429 with {@code Retry-After} when a limit is hit), so a
 * fixed low gate only costs throughput: at 10 a second, a bulk run whose renders finish 5 a second needs the whole
 * gate for its creates and URL reads (the bulk bench: 1,000 × 2 s renders). The 429 is the provider's own signal;
 * halving on it keeps a burst from hammering an account that does have a limit. The burst matters when a wave of
 * renders finishes together: its reads and the next creates go out at once instead of spaced. Time comes from the
 * injected clock and waiting from the injected sleeper, so tests check the waits without sleeping.
 */
final class RateGate {
    /** The rate never halves below this (requests a second). */
    static final double FLOOR = 1;
    /** After a 429, the rate grows back by this many requests a second, every second. */
    static final double RECOVERY_PER_SECOND = 1;

    private final double ceiling;
    private final Clock clock;
    private final Sleeper sleeper;
    private Instant theoreticalArrival = Instant.MIN;
    /** The rate when it was last halved, and when that drain ended (growth counts from then). */
    private double rateAfterDecrease;

    private Instant drainedUntil = Instant.MIN;

    RateGate(double perSecond, Clock clock, Sleeper sleeper) {
        this.ceiling = perSecond;
        this.rateAfterDecrease = perSecond;
        this.clock = clock;
        this.sleeper = sleeper;
    }

    /** Blocks (through the sleeper) until this request may start. */
    void acquire() throws InterruptedException {
        if (ceiling <= 0) return;
        Duration wait;
        synchronized (this) {
            Instant now = clock.instant();
            double rate = rate(now);
            Duration spacing = spacing(rate);
            Instant arrival = theoreticalArrival.isAfter(now) ? theoreticalArrival : now;
            Instant allowed = arrival.minus(burstWindow(rate));
            Instant start = allowed.isAfter(now) ? allowed : now;
            theoreticalArrival = arrival.plus(spacing);
            wait = Duration.between(now, start);
        }
        if (!wait.isZero() && !wait.isNegative()) sleeper.sleep(wait);
    }

    /**
     * A 429 arrived: the rate halves (unless this drain already halved it: requests in flight together meet the
     * same limit), no request starts before {@code retryAfter} from now, and none in a burst after it.
     */
    synchronized void drain(Duration retryAfter) {
        if (ceiling <= 0) return;
        Instant now = clock.instant();
        if (!now.isBefore(drainedUntil)) rateAfterDecrease = Math.max(FLOOR, rate(now) / 2);
        Instant until = now.plus(retryAfter);
        if (until.isAfter(drainedUntil)) drainedUntil = until;
        Instant next = until.plus(burstWindow(rateAfterDecrease));
        if (next.isAfter(theoreticalArrival)) theoreticalArrival = next;
    }

    /** The rate now: the ceiling, or after a 429 the halved rate grown back since its drain ended. */
    synchronized double rate(Instant now) {
        if (drainedUntil.equals(Instant.MIN) || rateAfterDecrease >= ceiling) return ceiling;
        double seconds = Math.max(0, Duration.between(drainedUntil, now).toMillis() / 1000.0);
        return Math.min(ceiling, rateAfterDecrease + Math.floor(seconds) * RECOVERY_PER_SECOND);
    }

    private static Duration spacing(double rate) {
        return Duration.ofNanos((long) (1_000_000_000L / rate));
    }

    private static Duration burstWindow(double rate) {
        int burst = (int) Math.max(1, Math.floor(rate));
        return spacing(rate).multipliedBy(burst - 1);
    }
}
