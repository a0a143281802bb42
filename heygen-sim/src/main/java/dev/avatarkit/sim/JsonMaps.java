package dev.avatarkit.sim;

import com.squareup.moshi.JsonAdapter;
import com.squareup.moshi.Moshi;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/** Moshi-backed JSON helpers over plain maps and lists (the simulator has no DTOs on purpose). */
public final class JsonMaps {
    private static final JsonAdapter<Object> ADAPTER =
            new Moshi.Builder().build().adapter(Object.class).serializeNulls();

    private JsonMaps() {}

    public static byte[] write(Object value) {
        return ADAPTER.toJson(value).getBytes(StandardCharsets.UTF_8);
    }

    public static String writeString(Object value) {
        return ADAPTER.toJson(value);
    }

    /** Parses an object body; returns null when the bytes are not a JSON object. */
    @SuppressWarnings("unchecked")
    public static Map<String, Object> parseObject(byte[] body) {
        if (body == null || body.length == 0) return null;
        try {
            Object o = ADAPTER.fromJson(new String(body, StandardCharsets.UTF_8));
            return o instanceof Map ? (Map<String, Object>) o : null;
        } catch (IOException | RuntimeException e) {
            return null;
        }
    }

    public static Object parse(String json) throws IOException {
        return ADAPTER.fromJson(json);
    }

    /** Builds an insertion-ordered map from alternating keys and values (nulls allowed). */
    public static Map<String, Object> obj(Object... kv) {
        Map<String, Object> m = new LinkedHashMap<>();
        for (int i = 0; i < kv.length; i += 2) m.put((String) kv[i], kv[i + 1]);
        return m;
    }

    public static String str(Map<String, Object> m, String key) {
        if (m == null) return null;
        Object v = m.get(key);
        return v == null
                ? null
                : v instanceof Double d && d == Math.rint(d) ? String.valueOf(d.longValue()) : v.toString();
    }

    @SuppressWarnings("unchecked")
    public static Map<String, Object> map(Map<String, Object> m, String key) {
        Object v = m == null ? null : m.get(key);
        return v instanceof Map ? (Map<String, Object>) v : null;
    }

    @SuppressWarnings("unchecked")
    public static List<Object> list(Map<String, Object> m, String key) {
        Object v = m == null ? null : m.get(key);
        return v instanceof List ? (List<Object>) v : null;
    }
}
