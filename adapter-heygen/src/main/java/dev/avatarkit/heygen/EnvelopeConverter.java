package dev.avatarkit.heygen;

import com.squareup.moshi.JsonAdapter;
import com.squareup.moshi.JsonDataException;
import com.squareup.moshi.JsonReader;
import com.squareup.moshi.Moshi;
import java.io.IOException;
import java.lang.annotation.Annotation;
import java.lang.reflect.ParameterizedType;
import java.lang.reflect.Type;
import java.nio.charset.StandardCharsets;
import java.util.Map;
import okhttp3.ResponseBody;
import okio.Buffer;
import retrofit2.Converter;
import retrofit2.Retrofit;

/**
 * Retrofit converter for {@code Call<Envelope<T>>}: reads a HeyGen body once, streaming, with {@code data} going
 * straight into {@code T}'s Moshi adapter and the envelope's own fields (error, code, message, paging) kept aside.
 * It never throws for a HeyGen error or an odd shape — {@link Transport} decides with the status and headers in hand.
 */
final class EnvelopeConverter extends Converter.Factory {
    private final Moshi moshi;
    private final JsonAdapter<Object> any;

    EnvelopeConverter(Moshi moshi) {
        this.moshi = moshi;
        this.any = moshi.adapter(Object.class);
    }

    @Override
    public Converter<ResponseBody, ?> responseBodyConverter(Type type, Annotation[] annotations, Retrofit retrofit) {
        if (getRawType(type) != Envelope.class) return null;
        if (!(type instanceof ParameterizedType p))
            throw new IllegalArgumentException("Envelope needs its data type: " + type);
        JsonAdapter<Object> data = moshi.adapter(getParameterUpperBound(0, p)).nullSafe();
        return body -> {
            try (body) {
                return read(body.bytes(), data);
            }
        };
    }

    /** The error in a non-2xx body: HeyGen's JSON error, or the body's own text when it is not JSON. */
    Envelope.WireError errorIn(byte[] body) {
        Envelope<Object> envelope = read(body, any);
        return envelope.readable() ? envelope.error() : Envelope.WireError.plainText(body);
    }

    <T> Envelope<T> read(byte[] body, JsonAdapter<T> data) {
        try {
            return typed(body, data);
        } catch (IOException | JsonDataException | IllegalStateException shapeOrSyntax) {
            // data was not a T (or not JSON at all): read it untyped, so a 200-with-error still shows its error
            return untyped(body);
        }
    }

    private <T> Envelope<T> typed(byte[] body, JsonAdapter<T> dataAdapter) throws IOException {
        JsonReader reader = JsonReader.of(new Buffer().write(body));
        if (reader.peek() != JsonReader.Token.BEGIN_OBJECT) throw new JsonDataException("not a JSON object");
        T data = null;
        Object error = null, code = null, message = null, msg = null, hasMore = null, nextToken = null;
        reader.beginObject();
        while (reader.hasNext()) {
            switch (reader.nextName()) {
                case "data" -> data = dataAdapter.fromJson(reader);
                case "error" -> error = any.fromJson(reader);
                case "code" -> code = any.fromJson(reader);
                case "message" -> message = any.fromJson(reader);
                case "msg" -> msg = any.fromJson(reader);
                case "has_more" -> hasMore = any.fromJson(reader);
                case "next_token" -> nextToken = any.fromJson(reader);
                default -> reader.skipValue();
            }
        }
        reader.endObject();
        if (reader.peek() != JsonReader.Token.END_DOCUMENT)
            throw new JsonDataException("content after the JSON object");
        return new Envelope<>(
                data,
                errorOf(error, code, message, msg, data == null),
                hasMore instanceof Boolean b ? b : null,
                Envelope.str(nextToken),
                true);
    }

    private <T> Envelope<T> untyped(byte[] body) {
        Object root;
        try {
            root = any.fromJson(new String(body, StandardCharsets.UTF_8));
        } catch (IOException | RuntimeException e) {
            return Envelope.unreadable();
        }
        if (!(root instanceof Map<?, ?> map)) return Envelope.unreadable();
        return new Envelope<>(
                null,
                errorOf(map.get("error"), map.get("code"), map.get("message"), map.get("msg"), map.get("data") == null),
                map.get("has_more") instanceof Boolean b ? b : null,
                Envelope.str(map.get("next_token")),
                true);
    }

    /** v3/v2 {@code error} object or string; else a v1 {@code code} other than 100 (with no data, or as text). */
    private static Envelope.WireError errorOf(Object error, Object code, Object message, Object msg, boolean noData) {
        if (error instanceof Map<?, ?> e && (e.get("code") != null || e.get("message") != null)) {
            return new Envelope.WireError(
                    Envelope.str(e.get("code")),
                    firstText(e.get("message"), e.get("msg"), e.get("detail")),
                    Envelope.str(e.get("param")));
        }
        if (error instanceof String s && !s.isBlank()) return new Envelope.WireError(null, s, null);
        if (code != null && !"100".equals(Envelope.str(code)) && (noData || code instanceof String)) {
            return new Envelope.WireError(Envelope.str(code), firstText(message, msg), null);
        }
        return null;
    }

    private static String firstText(Object... values) {
        for (Object v : values) if (v instanceof String s && !s.isBlank()) return s;
        return null;
    }
}
