package dev.avatarkit.heygen;

import java.math.BigDecimal;

/**
 * One HeyGen response, whatever the dialect, with its {@code data} already read as {@code T}: v3
 * {@code {"data":…,"has_more","next_token"}} / {@code {"error":{"code","message","param"}}}, v2
 * {@code {"error":null|{…},"data":…}}, v1 {@code {"code":100,"data":…,"message":"Success"}} (any other {@code code}
 * is an error). Made by {@link EnvelopeConverter}; {@code readable} is false when the body was not a JSON object, and
 * {@code data} is null when it was absent or not of the expected shape (the caller decides which of those is fatal).
 */
record Envelope<T>(T data, WireError error, Boolean hasMore, String nextToken, boolean readable) {
    /** A provider error as sent: code as a string (numbers without ".0"), message, offending field. */
    record WireError(String code, String message, String param) {
        private static final int MAX_CHARS = 300;

        /**
         * An error body that is not HeyGen's JSON (a proxy's HTML or plain-text 502, a gateway's 400): its text, trimmed
         * and bounded, is still the best message we have.
         */
        static WireError plainText(byte[] body) {
            String text = new String(body, java.nio.charset.StandardCharsets.UTF_8)
                    .replaceAll("\\s+", " ")
                    .strip();
            if (text.isEmpty()) return null;
            return new WireError(null, text.length() <= MAX_CHARS ? text : text.substring(0, MAX_CHARS) + "…", null);
        }
    }

    static <T> Envelope<T> unreadable() {
        return new Envelope<>(null, null, null, null, false);
    }

    boolean isError() {
        return error != null;
    }

    /** A JSON scalar as text: 40119.0 → "40119"; null stays null. */
    static String str(Object value) {
        if (value == null) return null;
        if (value instanceof Double d)
            return BigDecimal.valueOf(d).stripTrailingZeros().toPlainString();
        return String.valueOf(value);
    }
}
