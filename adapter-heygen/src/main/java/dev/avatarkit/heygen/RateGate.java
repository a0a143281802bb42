package dev.avatarkit.heygen;

import dev.avatarkit.core.port.Sleeper;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;

/**
 * The request-rate gate: at most {@code perSecond} requests are started per second (evenly spaced), and after a
 * 429 nothing starts until the provider's {@code Retry-After} has passed ("drain"). Time comes from the injected
 * clock and waiting from the injected sleeper, so tests check the waits without sleeping.
 */
final class RateGate {
    private final Duration spacing;
    private final Clock clock;
    private final Sleeper sleeper;
    private Instant nextFree;

    RateGate(double perSecond, Clock clock, Sleeper sleeper) {
        this.spacing = perSecond <= 0 ? Duration.ZERO : Duration.ofNanos((long) (1_000_000_000L / perSecond));
        this.clock = clock;
        this.sleeper = sleeper;
        this.nextFree = Instant.MIN;
    }

    /** Blocks (through the sleeper) until this request may start. */
    void acquire() throws InterruptedException {
        Duration wait;
        synchronized (this) {
            Instant now = clock.instant();
            Instant slot = nextFree.isAfter(now) ? nextFree : now;
            nextFree = slot.plus(spacing);
            wait = Duration.between(now, slot);
        }
        if (!wait.isZero() && !wait.isNegative()) sleeper.sleep(wait);
    }

    /** A 429 arrived: no request starts before {@code retryAfter} from now. */
    synchronized void drain(Duration retryAfter) {
        Instant until = clock.instant().plus(retryAfter);
        if (until.isAfter(nextFree)) nextFree = until;
    }
}
