package dev.avatarkit.core.domain;

import java.util.Collection;
import java.util.regex.Pattern;

/** Validation helpers for value records: every failure names the field and the limit. */
public final class Require {
    private static final Pattern HEX_COLOR = Pattern.compile("#[0-9a-fA-F]{6}([0-9a-fA-F]{2})?");

    private Require() {}

    public static <T> T nonNull(T value, String field) {
        if (value == null) throw new ValidationException(field, "'" + field + "' must not be null");
        return value;
    }

    public static String nonBlank(String value, String field) {
        if (value == null || value.isBlank()) throw new ValidationException(field, "'" + field + "' must not be blank");
        return value;
    }

    public static String maxLength(String value, int max, String field) {
        if (value != null && value.length() > max) {
            throw new ValidationException(
                    field, "'" + field + "' is " + value.length() + " characters; the limit is " + max);
        }
        return value;
    }

    public static int between(int value, int min, int max, String field) {
        if (value < min || value > max) {
            throw new ValidationException(
                    field, "'" + field + "' must be between " + min + " and " + max + ", was " + value);
        }
        return value;
    }

    public static double between(double value, double min, double max, String field) {
        if (Double.isNaN(value) || value < min || value > max) {
            throw new ValidationException(
                    field, "'" + field + "' must be between " + min + " and " + max + ", was " + value);
        }
        return value;
    }

    public static <C extends Collection<?>> C size(C values, int min, int max, String field) {
        nonNull(values, field);
        if (values.size() < min || values.size() > max) {
            throw new ValidationException(
                    field, "'" + field + "' must have " + min + "–" + max + " entries, had " + values.size());
        }
        return values;
    }

    public static String hexColor(String value, String field) {
        if (value == null || !HEX_COLOR.matcher(value).matches()) {
            throw new ValidationException(field, "'" + field + "' must be a hex color like #1a2b3c, was " + value);
        }
        return value;
    }

    public static void that(boolean condition, String field, String message) {
        if (!condition) throw new ValidationException(field, message);
    }
}
