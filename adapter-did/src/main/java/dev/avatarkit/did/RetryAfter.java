package dev.avatarkit.did;

import java.time.Clock;
import java.time.Duration;
import java.time.ZonedDateTime;
import java.time.format.DateTimeFormatter;
import java.time.format.DateTimeParseException;

/** Reads a {@code Retry-After} header (delta seconds or an HTTP date); absent or unreadable means no wait. Capped. */
final class RetryAfter {
    private RetryAfter() {}

    static Duration parse(String header, Clock clock, Duration cap) {
        if (header == null || header.isBlank()) return Duration.ZERO;
        Duration wait = seconds(header.trim());
        if (wait == null) wait = untilDate(header.trim(), clock);
        return wait.compareTo(cap) > 0 ? cap : wait;
    }

    private static Duration seconds(String value) {
        if (!value.matches("\\d{1,9}")) return null;
        return Duration.ofSeconds(Long.parseLong(value));
    }

    private static Duration untilDate(String value, Clock clock) {
        try {
            Duration until = Duration.between(
                    clock.instant(),
                    ZonedDateTime.parse(value, DateTimeFormatter.RFC_1123_DATE_TIME)
                            .toInstant());
            return until.isNegative() ? Duration.ZERO : until;
        } catch (DateTimeParseException e) {
            return Duration.ZERO;
        }
    }
}
