package dev.avatarkit.core.retry;

import java.time.Clock;
import java.time.Duration;
import java.time.ZonedDateTime;
import java.time.format.DateTimeFormatter;
import java.time.format.DateTimeParseException;
import java.util.concurrent.ThreadLocalRandom;
import java.util.function.DoubleSupplier;
import java.util.random.RandomGenerator;

/**
 * The one backoff curve: {@code initial × multiplier^attempt}, capped at {@code max}, then scaled by a jitter factor
 * (never below 1 ms), optionally held up to a server's {@code Retry-After}. Stateless apart from the jitter source, so
 * one instance serves every caller; the curve comes with each call because callers read it from their own config.
 *
 * <p>Two jitters, chosen by what the wait is for. {@link #fullJitter()} (a factor in [0, 1)) for retries after a
 * failure: when many clients failed together (a 429 storm, an outage) it spreads them the most. {@link #Backoff(
 * RandomGenerator) ±20 %} for scheduled polls: a poll that may come at once would double the status reads, while a
 * small spread still keeps a batch's polls from arriving in waves.
 */
public final class Backoff {
    /** Bounds the exponent: past it the curve is long since capped, and the power stays finite. */
    private static final int MAX_EXPONENT = 30;

    private final DoubleSupplier factor;

    /** ±20 % around the curve, from {@code random} (the engine's poll and download-retry spacing). */
    public Backoff(RandomGenerator random) {
        this(() -> 0.8 + 0.4 * random.nextDouble());
    }

    private Backoff(DoubleSupplier factor) {
        this.factor = factor;
    }

    /** "Full jitter": anywhere from 0 to the curve, uniformly. */
    public static Backoff fullJitter() {
        return new Backoff(() -> ThreadLocalRandom.current().nextDouble());
    }

    /** A caller-chosen jitter factor per delay (1.0 = the curve exactly; tests use a constant). */
    public static Backoff withFactor(DoubleSupplier factor) {
        if (factor == null) throw new IllegalArgumentException("'factor' must not be null");
        return new Backoff(factor);
    }

    /** The wait before the {@code attempt}-th retry (0-based). */
    public Duration delay(Duration initial, Duration max, double multiplier, int attempt) {
        double base = initial.toMillis() * Math.pow(multiplier, Math.min(Math.max(attempt, 0), MAX_EXPONENT));
        double capped = Math.min(base, max.toMillis());
        return Duration.ofMillis(Math.max(1, Math.round(capped * factor.getAsDouble())));
    }

    /**
     * As {@link #delay(Duration, Duration, double, int)}, but never shorter than the server's {@code retryAfter} and
     * never longer than {@code max} (a server asking for an hour is waited on for {@code max}, then asked again).
     */
    public Duration delay(Duration initial, Duration max, double multiplier, int attempt, Duration retryAfter) {
        Duration backoff = delay(initial, max, multiplier, attempt);
        Duration wanted = retryAfter != null && retryAfter.compareTo(backoff) > 0 ? retryAfter : backoff;
        return wanted.compareTo(max) > 0 ? max : wanted;
    }

    /** A {@code Retry-After} header (seconds or an HTTP date) as a wait; absent or garbage → zero; capped at {@code cap}. */
    public static Duration retryAfter(String header, Clock clock, Duration cap) {
        if (header == null || header.isBlank()) return Duration.ZERO;
        String value = header.trim();
        Duration d;
        try {
            d = Duration.ofSeconds(Math.max(0, Long.parseLong(value)));
        } catch (NumberFormatException notSeconds) {
            try {
                ZonedDateTime when = ZonedDateTime.parse(value, DateTimeFormatter.RFC_1123_DATE_TIME);
                d = Duration.between(clock.instant(), when.toInstant());
                if (d.isNegative()) d = Duration.ZERO;
            } catch (DateTimeParseException garbage) {
                d = Duration.ZERO;
            }
        }
        return d.compareTo(cap) > 0 ? cap : d;
    }
}
