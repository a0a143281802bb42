package dev.avatarkit.storage.jdbc;

import com.squareup.moshi.JsonAdapter;
import com.squareup.moshi.JsonDataException;
import com.squareup.moshi.JsonReader;
import com.squareup.moshi.JsonWriter;
import com.squareup.moshi.Moshi;
import com.squareup.moshi.Types;
import java.io.IOException;
import java.lang.annotation.Annotation;
import java.lang.reflect.Type;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Set;

/**
 * JSON for a sealed interface: each subtype's own JSON object plus a {@code "type"} label. Hand-written rather
 * than moshi-adapters' {@code PolymorphicJsonAdapterFactory} to keep the labels next to the codec and to fail
 * on a subtype nobody labelled (a new record in core must get a label before it can be stored).
 */
final class SealedJsonAdapterFactory<T> implements JsonAdapter.Factory {
    static final String LABEL_KEY = "type";

    private final Class<T> base;
    private final Map<String, Class<? extends T>> byLabel = new LinkedHashMap<>();
    private final Map<Class<?>, String> byClass = new LinkedHashMap<>();

    private SealedJsonAdapterFactory(Class<T> base) {
        this.base = base;
    }

    static <T> SealedJsonAdapterFactory<T> of(Class<T> base) {
        return new SealedJsonAdapterFactory<>(base);
    }

    SealedJsonAdapterFactory<T> with(Class<? extends T> subtype, String label) {
        byLabel.put(label, subtype);
        byClass.put(subtype, label);
        return this;
    }

    @Override
    public JsonAdapter<?> create(Type type, Set<? extends Annotation> annotations, Moshi moshi) {
        if (Types.getRawType(type) != base || !annotations.isEmpty()) return null;
        Map<Class<?>, JsonAdapter<Object>> adapters = new LinkedHashMap<>();
        for (Class<? extends T> subtype : byLabel.values()) adapters.put(subtype, moshi.adapter((Type) subtype));
        JsonAdapter<Object> any = moshi.adapter(Object.class);
        return new JsonAdapter<T>() {
            @Override
            public T fromJson(JsonReader reader) throws IOException {
                if (reader.peek() == JsonReader.Token.NULL) return reader.nextNull();
                if (!(reader.readJsonValue() instanceof Map<?, ?> raw)) {
                    throw new JsonDataException(
                            "expected an object for " + base.getSimpleName() + " at " + reader.getPath());
                }
                Map<String, Object> fields = new LinkedHashMap<>();
                raw.forEach((k, v) -> fields.put((String) k, v));
                Object label = fields.remove(LABEL_KEY);
                Class<? extends T> subtype = byLabel.get(label);
                if (subtype == null) {
                    throw new JsonDataException(
                            "unknown " + base.getSimpleName() + " type '" + label + "' at " + reader.getPath());
                }
                return subtype.cast(adapters.get(subtype).fromJsonValue(fields));
            }

            @Override
            public void toJson(JsonWriter writer, T value) throws IOException {
                if (value == null) {
                    writer.nullValue();
                    return;
                }
                String label = byClass.get(value.getClass());
                if (label == null)
                    throw new JsonDataException(
                            "no JSON label for " + value.getClass().getName());
                Map<String, Object> fields = new LinkedHashMap<>();
                fields.put(LABEL_KEY, label);
                @SuppressWarnings("unchecked")
                Map<String, Object> own =
                        (Map<String, Object>) adapters.get(value.getClass()).toJsonValue(value);
                fields.putAll(own);
                any.toJson(writer, fields);
            }
        };
    }
}
