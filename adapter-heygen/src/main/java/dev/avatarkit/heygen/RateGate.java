package dev.avatarkit.heygen;

import dev.avatarkit.core.port.Sleeper;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;

/**
 * The request-rate gate: on average at most {@code perSecond} requests start per second, and up to a second's worth
 * may start at once (a token bucket, kept as one "theoretical arrival time"); after a 429 nothing starts until the
 * provider's {@code Retry-After} has passed ("drain"), and then requests are spaced again. The burst matters when a
 * wave of renders finishes together: its reads and the next creates go out at once instead of 100 ms apart, which
 * left the last slot of a wave idle for a second. Time comes from the injected clock and waiting from the injected
 * sleeper, so tests check the waits without sleeping.
 */
final class RateGate {
    private final Duration spacing;
    private final Duration burstWindow;
    private final Clock clock;
    private final Sleeper sleeper;
    private Instant theoreticalArrival;

    RateGate(double perSecond, Clock clock, Sleeper sleeper) {
        this.spacing = perSecond <= 0 ? Duration.ZERO : Duration.ofNanos((long) (1_000_000_000L / perSecond));
        int burst = (int) Math.max(1, Math.floor(perSecond));
        this.burstWindow = spacing.multipliedBy(burst - 1);
        this.clock = clock;
        this.sleeper = sleeper;
        this.theoreticalArrival = Instant.MIN;
    }

    /** Blocks (through the sleeper) until this request may start. */
    void acquire() throws InterruptedException {
        Duration wait;
        synchronized (this) {
            Instant now = clock.instant();
            Instant arrival = theoreticalArrival.isAfter(now) ? theoreticalArrival : now;
            Instant allowed = arrival.minus(burstWindow);
            Instant start = allowed.isAfter(now) ? allowed : now;
            theoreticalArrival = arrival.plus(spacing);
            wait = Duration.between(now, start);
        }
        if (!wait.isZero() && !wait.isNegative()) sleeper.sleep(wait);
    }

    /** A 429 arrived: no request starts before {@code retryAfter} from now, and none in a burst after it. */
    synchronized void drain(Duration retryAfter) {
        Instant until = clock.instant().plus(retryAfter).plus(burstWindow);
        if (until.isAfter(theoreticalArrival)) theoreticalArrival = until;
    }
}
