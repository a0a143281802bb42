package dev.avatarkit.core.engine;

import java.time.Duration;
import java.util.random.RandomGenerator;

/** Exponential backoff with ±20 % jitter (jitter spreads a batch's polls so they don't arrive in waves). */
final class Backoff {
    private final RandomGenerator random;

    Backoff(RandomGenerator random) {
        this.random = random;
    }

    Duration delay(Duration initial, Duration max, double multiplier, int attempt) {
        double base = initial.toMillis() * Math.pow(multiplier, Math.min(attempt, 30));
        double capped = Math.min(base, max.toMillis());
        double jittered = capped * (0.8 + 0.4 * random.nextDouble());
        return Duration.ofMillis(Math.max(1, Math.round(jittered)));
    }
}
