package dev.avatarkit.heygen;

import com.squareup.moshi.JsonAdapter;
import com.squareup.moshi.Moshi;
import java.io.IOException;
import java.math.BigDecimal;
import java.nio.charset.StandardCharsets;
import java.util.Map;

/**
 * One HeyGen response body, whatever the dialect: v3 {@code {"data":…,"has_more","next_token"}} /
 * {@code {"error":{"code","message","param"}}}, v2 {@code {"error":null|{…},"data":…}}, v1
 * {@code {"code":100,"data":…,"message":"Success"}} (any other {@code code} is an error). Unknown fields are
 * ignored; error codes may be numbers or strings and always come out as strings.
 */
record Envelope(Object data, WireError error, Boolean hasMore, String nextToken) {
    /** A provider error as sent: code as a string (numbers without ".0"), message, offending field. */
    record WireError(String code, String message, String param) {
        private static final int MAX_CHARS = 300;

        /**
         * An error body that is not HeyGen's JSON (a proxy's HTML or plain-text 502, a gateway's 400): its text, trimmed
         * and bounded, is still the best message we have.
         */
        static WireError plainText(byte[] body) {
            String text = new String(body, java.nio.charset.StandardCharsets.UTF_8).replaceAll("\\s+", " ").strip();
            if (text.isEmpty()) return null;
            return new WireError(null, text.length() <= MAX_CHARS ? text : text.substring(0, MAX_CHARS) + "…", null);
        }
    }

    private static final JsonAdapter<Object> ANY = new Moshi.Builder().build().adapter(Object.class);

    boolean isError() {
        return error != null;
    }

    /** @throws IOException when the body is not a JSON object */
    static Envelope parse(byte[] body) throws IOException {
        Object root;
        try {
            root = ANY.fromJson(new String(body, StandardCharsets.UTF_8));
        } catch (RuntimeException e) {
            throw new IOException("malformed JSON", e);
        }
        if (!(root instanceof Map<?, ?> map)) throw new IOException("not a JSON object");
        Object data = map.get("data");
        return new Envelope(data, errorOf(map), bool(map.get("has_more")), str(map.get("next_token")));
    }

    private static WireError errorOf(Map<?, ?> map) {
        Object error = map.get("error");
        if (error instanceof Map<?, ?> e && (e.get("code") != null || e.get("message") != null)) {
            return new WireError(str(e.get("code")), firstText(e.get("message"), e.get("msg"), e.get("detail")),
                    str(e.get("param")));
        }
        if (error instanceof String s && !s.isBlank()) return new WireError(null, s, null);
        Object code = map.get("code");
        if (code != null && !"100".equals(str(code)) && (map.get("data") == null || code instanceof String)) {
            return new WireError(str(code), firstText(map.get("message"), map.get("msg")), null);
        }
        return null;
    }

    private static String firstText(Object... values) {
        for (Object v : values) if (v instanceof String s && !s.isBlank()) return s;
        return null;
    }

    /** A JSON scalar as text: 40119.0 → "40119"; null stays null. */
    static String str(Object value) {
        if (value == null) return null;
        if (value instanceof Double d) return BigDecimal.valueOf(d).stripTrailingZeros().toPlainString();
        return String.valueOf(value);
    }

    private static Boolean bool(Object value) {
        return value instanceof Boolean b ? b : null;
    }
}
