package dev.avatarkit.cli.app;

import dev.avatarkit.core.domain.ValidationException;
import java.time.Duration;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/** Parses {@code --timeout} values: {@code 90s}, {@code 10m}, {@code 2h}, {@code 500ms}, or ISO-8601 {@code PT5M}. */
public final class Durations {
    private static final Pattern SIMPLE = Pattern.compile("(\\d+)\\s*(ms|s|m|h)?");

    private Durations() {}

    public static Duration parse(String text) {
        String value = text.trim().toLowerCase();
        Matcher m = SIMPLE.matcher(value);
        if (m.matches()) {
            long n = Long.parseLong(m.group(1));
            String unit = m.group(2) == null ? "s" : m.group(2);
            return switch (unit) {
                case "ms" -> Duration.ofMillis(n);
                case "m" -> Duration.ofMinutes(n);
                case "h" -> Duration.ofHours(n);
                default -> Duration.ofSeconds(n);
            };
        }
        try {
            return Duration.parse(text.trim().toUpperCase());
        } catch (RuntimeException e) {
            throw new ValidationException("timeout", "'timeout' must look like 90s, 10m or 2h, was '" + text + "'");
        }
    }

    /** {@code 1h02m03s}-style, for messages. */
    public static String format(Duration d) {
        long s = d.toSeconds();
        if (s < 60) return s + "s";
        if (s < 3600) return (s / 60) + "m" + (s % 60 == 0 ? "" : String.format("%02ds", s % 60));
        return (s / 3600) + "h" + String.format("%02dm", (s % 3600) / 60);
    }
}
