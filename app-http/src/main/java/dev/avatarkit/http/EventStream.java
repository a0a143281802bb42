package dev.avatarkit.http;

import com.squareup.moshi.JsonAdapter;
import dev.avatarkit.core.domain.BatchId;
import dev.avatarkit.core.domain.Job;
import dev.avatarkit.core.domain.JobId;
import dev.avatarkit.core.domain.ValidationException;
import dev.avatarkit.runtime.json.JobDocument;
import dev.avatarkit.runtime.json.Json;
import io.javalin.http.Context;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Objects;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.function.Predicate;

/**
 * {@code GET /v1/events[?job=ID|?batch=ID]}: a Server-Sent Events stream of job changes ({@code event: job},
 * {@code id: <sequence>}, {@code data: <job document>}). A reconnect with {@code Last-Event-ID} replays the
 * retained events after it; when some were already dropped, an {@code event: resync} comes first (re-list the jobs).
 * Streams are asynchronous ({@link SseSession}): none holds a server thread, one small executor writes them all.
 * Open streams are capped per token and in total ({@link StreamCaps}: 429 beyond). Heartbeats (comments) keep
 * proxies from closing a stream and find dead clients.
 */
final class EventStream implements AutoCloseable {
    private static final JsonAdapter<JobDocument> DOCUMENT =
            Json.moshi().adapter(JobDocument.class).serializeNulls();
    private final EventHub hub;
    private final Duration heartbeat;
    private final StreamCaps caps;
    private final ScheduledExecutorService writer = Executors.newScheduledThreadPool(2, r -> {
        Thread t = new Thread(r, "avatarkit-sse");
        t.setDaemon(true);
        return t;
    });
    /** Each event is serialised once however many streams carry it (the recent ones; older ones are re-serialised). */
    private final Map<Long, byte[]> wire = Collections.synchronizedMap(new LinkedHashMap<>(256, 0.75f, false) {
        @Override
        protected boolean removeEldestEntry(Map.Entry<Long, byte[]> eldest) {
            return size() > 1024;
        }
    });

    EventStream(EventHub hub, Duration heartbeat, StreamCaps caps) {
        this.hub = hub;
        this.heartbeat = heartbeat;
        this.caps = caps;
    }

    void handle(Context ctx) throws IOException {
        Predicate<Job> filter = filter(ctx);
        Long lastEventId = lastEventId(ctx);
        AutoCloseable permit = caps.open(Client.of(ctx));
        ctx.res().setStatus(200);
        ctx.res().setContentType("text/event-stream;charset=utf-8");
        ctx.res().setHeader("Cache-Control", "no-cache");
        ctx.res().setHeader("X-Accel-Buffering", "no");
        var out = ctx.res().getOutputStream();
        ctx.future(() -> {
            EventHub.Subscription subscription = hub.subscribe(filter, lastEventId);
            String greeting = "retry: 2000\n" + (subscription.gap ? "event: resync\ndata: {}\n\n" : ": connected\n\n");
            return new SseSession(out, subscription, this::format, writer, permit).start(greeting, heartbeat);
        });
    }

    private byte[] format(EventHub.Event event) {
        return wire.computeIfAbsent(
                event.id(),
                id -> ("id: " + id + "\nevent: job\ndata: " + DOCUMENT.toJson(JobDocument.of(event.job())) + "\n\n")
                        .getBytes(StandardCharsets.UTF_8));
    }

    private static Predicate<Job> filter(Context ctx) {
        String job = ctx.queryParam("job");
        String batch = ctx.queryParam("batch");
        if (job != null && batch != null)
            throw ProblemException.badRequest("job", "filter by 'job' or 'batch', not both");
        if (job != null) {
            JobId id;
            try {
                id = JobId.of(job);
            } catch (ValidationException e) {
                throw new ValidationException("job", "'job' must be a job id (a 26-character ULID), was '" + job + "'");
            }
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

    @Override
    public void close() {
        writer.shutdown();
    }
}
