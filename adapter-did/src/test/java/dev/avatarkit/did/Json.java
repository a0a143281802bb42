package dev.avatarkit.did;

import com.squareup.moshi.Moshi;
import java.io.IOException;
import java.util.Map;

/** Reads a recorded request body as plain maps, for asserting on what went over the wire. */
final class Json {
    private Json() {}

    static Map<String, Object> parse(String json) {
        try {
            @SuppressWarnings("unchecked")
            Map<String, Object> map =
                    new Moshi.Builder().build().adapter(Map.class).fromJson(json);
            return map;
        } catch (IOException e) {
            throw new AssertionError("not JSON: " + json, e);
        }
    }
}
