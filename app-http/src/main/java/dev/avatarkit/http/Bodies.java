package dev.avatarkit.http;

import com.squareup.moshi.JsonAdapter;
import com.squareup.moshi.JsonDataException;
import com.squareup.moshi.JsonEncodingException;
import dev.avatarkit.runtime.json.Json;
import io.javalin.http.Context;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.util.Locale;
import java.util.Map;
import java.util.concurrent.TimeoutException;
import org.eclipse.jetty.http.BadMessageException;

/** Reads request bodies with a size limit (413 beyond it) and a content-type check (415). */
final class Bodies {
    private static final JsonAdapter<Object> ANY = Json.moshi().adapter(Object.class);

    private Bodies() {}

    /** The raw body, at most {@code limit} bytes (checked before reading and while reading, for chunked bodies). */
    static byte[] read(Context ctx, long limit) {
        long declared = ctx.req().getContentLengthLong();
        if (declared > limit) throw tooLarge(limit);
        try (InputStream in = ctx.req().getInputStream()) {
            byte[] body = in.readNBytes((int) Math.min(Integer.MAX_VALUE - 8, limit + 1));
            if (body.length > limit) throw tooLarge(limit);
            return body;
        } catch (IOException | BadMessageException e) {
            throw cutOff(e);
        }
    }

    /**
     * The client went away or stalled mid-upload: its doing, not a server error, so no 500 and no stack trace (the
     * answer rarely reaches it anyway). Too slow (Jetty's minimum data rate or idle timeout) is 408, else 400.
     */
    static ProblemException cutOff(Throwable why) {
        boolean slow = why instanceof BadMessageException b && b.getCode() == 408
                || why instanceof TimeoutException
                || why.getCause() instanceof TimeoutException;
        return new ProblemException(
                Problem.of(
                        slow ? 408 : 400,
                        slow ? "body-timeout" : "body-incomplete",
                        slow ? "Request timeout" : "Incomplete body",
                        "the request body was not received completely (" + (slow ? "too slow" : "connection closed")
                                + ")",
                        "body"),
                Map.of("Connection", "close"));
    }

    static boolean isJson(Context ctx) {
        String type = mediaType(ctx);
        return type.equals("application/json") || type.endsWith("+json");
    }

    static String mediaType(Context ctx) {
        String type = ctx.header("Content-Type");
        if (type == null) return "";
        int semicolon = type.indexOf(';');
        return (semicolon < 0 ? type : type.substring(0, semicolon)).trim().toLowerCase(Locale.ROOT);
    }

    /** A JSON object body; 415 for another content type, 400 for malformed JSON or a non-object. */
    @SuppressWarnings("unchecked")
    static Map<String, Object> jsonObject(Context ctx, long limit) {
        if (!isJson(ctx)) throw unsupported("application/json");
        byte[] body = read(ctx, limit);
        String text = Text.strictUtf8(body);
        Object parsed;
        try {
            parsed = ANY.fromJson(text != null ? text : new String(body, StandardCharsets.UTF_8));
        } catch (JsonEncodingException | JsonDataException | java.io.EOFException e) {
            throw ProblemException.badRequest("body", "the body is not valid JSON: " + e.getMessage());
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        if (!(parsed instanceof Map<?, ?> map))
            throw ProblemException.badRequest("body", "the body must be a JSON object");
        if (text == null) {
            String field = Text.replacedField(parsed, "");
            if (field == null) throw ProblemException.badRequest("body", "the body is not valid UTF-8");
            throw new dev.avatarkit.core.domain.ValidationException(field, "'" + field + "' is not valid UTF-8");
        }
        return (Map<String, Object>) map;
    }

    static ProblemException unsupported(String expected) {
        return new ProblemException(Problem.of(
                415,
                "unsupported-media-type",
                "Unsupported media type",
                "send the body as " + expected,
                "Content-Type"));
    }

    static ProblemException tooLarge(long limit) {
        return new ProblemException(
                Problem.of(413, "too-large", "Payload too large", "the body exceeds " + limit + " bytes", "body"));
    }
}
