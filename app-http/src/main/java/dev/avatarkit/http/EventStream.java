package dev.avatarkit.http;

import com.squareup.moshi.JsonAdapter;
import dev.avatarkit.core.domain.BatchId;
import dev.avatarkit.core.domain.Job;
import dev.avatarkit.core.domain.JobId;
import dev.avatarkit.runtime.json.JobDocument;
import dev.avatarkit.runtime.json.Json;
import io.javalin.http.Context;
import java.io.IOException;
import java.io.OutputStream;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.Objects;
import java.util.function.Predicate;

/**
 * {@code GET /v1/events[?job=ID|?batch=ID]}: a Server-Sent Events stream of job changes ({@code event: job},
 * {@code id: <sequence>}, {@code data: <job document>}). A reconnect with {@code Last-Event-ID} replays the
 * retained events after it; when some were already dropped, an {@code event: resync} comes first (re-list the jobs).
 * The stream holds one server thread; heartbeats (comments) keep proxies from closing it and find dead clients.
 */
final class EventStream {
    private static final JsonAdapter<JobDocument> DOCUMENT = Json.moshi().adapter(JobDocument.class).serializeNulls();
    private final EventHub hub;
    private final Duration heartbeat;

    EventStream(EventHub hub, Duration heartbeat) {
        this.hub = hub;
        this.heartbeat = heartbeat;
    }

    void handle(Context ctx) throws IOException, InterruptedException {
        Predicate<Job> filter = filter(ctx);
        Long lastEventId = lastEventId(ctx);
        ctx.res().setStatus(200);
        ctx.res().setContentType("text/event-stream;charset=utf-8");
        ctx.res().setHeader("Cache-Control", "no-cache");
        ctx.res().setHeader("X-Accel-Buffering", "no");
        OutputStream out = ctx.res().getOutputStream();
        try (EventHub.Subscription subscription = hub.subscribe(filter, lastEventId)) {
            write(out, "retry: 2000\n" + (subscription.gap ? "event: resync\ndata: {}\n\n" : ": connected\n\n"));
            while (!subscription.ended()) {
                EventHub.Event event = subscription.poll(heartbeat.toMillis());
                if (event == null) {
                    write(out, ": ping\n\n");
                } else {
                    write(out, "id: " + event.id() + "\nevent: job\ndata: " + DOCUMENT.toJson(JobDocument.of(event.job())) + "\n\n");
                }
            }
        } catch (IOException clientGone) {
            // the client disconnected; nothing to do
        }
    }

    private static void write(OutputStream out, String text) throws IOException {
        out.write(text.getBytes(StandardCharsets.UTF_8));
        out.flush();
    }

    private static Predicate<Job> filter(Context ctx) {
        String job = ctx.queryParam("job");
        String batch = ctx.queryParam("batch");
        if (job != null && batch != null) throw ProblemException.badRequest("job", "filter by 'job' or 'batch', not both");
        if (job != null) {
            JobId id = JobId.of(job);
            return j -> j.id().equals(id);
        }
        if (batch != null) {
            BatchId id = new BatchId(batch);
            return j -> Objects.equals(j.batchId(), id);
        }
        return j -> true;
    }

    private static Long lastEventId(Context ctx) {
        String value = ctx.header("Last-Event-ID");
        if (value == null || value.isBlank()) return null;
        try {
            return Long.parseLong(value.trim());
        } catch (NumberFormatException e) {
            throw ProblemException.badRequest("Last-Event-ID", "'Last-Event-ID' must be an event id this server sent");
        }
    }
}
