package dev.avatarkit.http;

import com.squareup.moshi.JsonAdapter;
import dev.avatarkit.core.domain.Job;
import dev.avatarkit.runtime.json.JobDocument;
import dev.avatarkit.runtime.json.Json;
import io.javalin.http.Context;
import jakarta.servlet.http.HttpServletResponse;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.util.List;

/**
 * JSON responses; the job resource is always {@link JobDocument} (nulls included, as the CLI prints it). Bodies are
 * written as UTF-8 bytes: a {@code String} result would be encoded with the JVM's default charset, which is ASCII
 * under a POSIX locale, and non-ASCII text would come back as {@code ?}.
 */
final class Responses {
    static final JsonAdapter<JobDocument> JOB =
            Json.moshi().adapter(JobDocument.class).serializeNulls();

    /** A page of jobs and the cursor of the next page (null at the end). */
    public record JobList(List<JobDocument> jobs, String next) {}

    private Responses() {}

    static void job(Context ctx, int status, Job job) {
        send(ctx, status, "application/json", JOB.toJson(JobDocument.of(job)));
    }

    static <T> void json(Context ctx, int status, Class<T> type, T value) {
        send(
                ctx,
                status,
                "application/json",
                Json.moshi().adapter(type).serializeNulls().toJson(value));
    }

    /** The one way a text body is written: UTF-8 bytes, whatever the platform's default charset. */
    static void send(Context ctx, int status, String contentType, String body) {
        send(ctx, status, contentType, body.getBytes(StandardCharsets.UTF_8));
    }

    /** A body already encoded; the array is written as it is, never changed. */
    static void send(Context ctx, int status, String contentType, byte[] body) {
        ctx.status(status).contentType(contentType).result(body);
    }

    /**
     * A 200 with a body already encoded (a cached document), written to Jetty at once with its length, which commits
     * the response: only as a handler's last step. {@link #send} hands Javalin a stream that it copies through a new
     * 8 KiB buffer into Jetty's own buffer after the handler returns; this writes the array once, headers and body
     * in one socket write (JFR under wrk: the copy was ~15 % of the samples of {@code GET /v1/jobs/{id}}).
     */
    static void sendNow(Context ctx, String contentType, byte[] body) throws IOException {
        HttpServletResponse response = ctx.res();
        response.setStatus(200);
        response.setContentType(contentType);
        response.setContentLength(body.length);
        response.getOutputStream().write(body);
    }
}
