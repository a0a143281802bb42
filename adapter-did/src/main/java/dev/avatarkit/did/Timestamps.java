package dev.avatarkit.did;

import java.time.Instant;
import java.time.LocalDateTime;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.time.format.DateTimeParseException;
import java.util.Optional;

/** D-ID's ISO-8601 timestamps, which sometimes lack their zone ({@code 2020-09-03T13:56:54.995}): read as UTC. */
final class Timestamps {
    private Timestamps() {}

    static Optional<Instant> parse(String text) {
        if (text == null || text.isBlank()) return Optional.empty();
        try {
            return Optional.of(OffsetDateTime.parse(text.trim()).toInstant());
        } catch (DateTimeParseException zoneless) {
            try {
                return Optional.of(LocalDateTime.parse(text.trim()).toInstant(ZoneOffset.UTC));
            } catch (DateTimeParseException unreadable) {
                return Optional.empty();
            }
        }
    }
}
