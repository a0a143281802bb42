package dev.avatarkit.runtime.json;

import com.squareup.moshi.JsonAdapter;
import com.squareup.moshi.Moshi;

/** The one Moshi instance both apps print and parse JSON with. */
public final class Json {
    private static final Moshi MOSHI = new Moshi.Builder().build();

    private Json() {}

    public static Moshi moshi() {
        return MOSHI;
    }

    /** Compact JSON of a record or collection. */
    public static <T> String write(Class<T> type, T value) {
        return MOSHI.adapter(type).serializeNulls().toJson(value);
    }

    public static <T> JsonAdapter<T> adapter(Class<T> type) {
        return MOSHI.adapter(type);
    }
}
