package dev.avatarkit.http;

import com.squareup.moshi.JsonAdapter;
import dev.avatarkit.core.domain.Job;
import dev.avatarkit.runtime.json.JobDocument;
import dev.avatarkit.runtime.json.Json;
import io.javalin.http.Context;
import java.util.List;

/** JSON responses; the job resource is always {@link JobDocument} (nulls included, as the CLI prints it). */
final class Responses {
    static final JsonAdapter<JobDocument> JOB = Json.moshi().adapter(JobDocument.class).serializeNulls();

    /** A page of jobs and the cursor of the next page (null at the end). */
    public record JobList(List<JobDocument> jobs, String next) {}

    private Responses() {}

    static void job(Context ctx, int status, Job job) {
        ctx.status(status).contentType("application/json").result(JOB.toJson(JobDocument.of(job)));
    }

    static <T> void json(Context ctx, int status, Class<T> type, T value) {
        ctx.status(status).contentType("application/json").result(Json.moshi().adapter(type).serializeNulls().toJson(value));
    }
}
