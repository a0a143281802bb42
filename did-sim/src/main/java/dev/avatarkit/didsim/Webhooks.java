package dev.avatarkit.didsim;

import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.time.Instant;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.RejectedExecutionException;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;

/**
 * Sends a finished talk's or clip's {@code webhook}: a POST of the same JSON {@code GET} returns, unsigned (D-ID
 * documents no signature, retry count or timeout; second-provider.md A8). A ticker looks at the renders that asked
 * for one; a {@code webhook_*} fault on the create makes the delivery never happen, happen twice, or come late.
 * Failed deliveries are retried twice, 1 s apart (a guess: D-ID does not say).
 */
final class Webhooks {
    /** Renders waiting for their webhook; past it new ones are not tracked (and counted as dropped). */
    static final int MAX_PENDING = 10_000;

    private static final int ATTEMPTS = 3;
    private static final Duration RETRY_AFTER = Duration.ofSeconds(1);

    private record Pending(Render render, FaultRule fault) {}

    private final SimContext ctx;
    private final Map<String, Pending> pending = new ConcurrentHashMap<>();
    private final HttpClient http =
            HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(5)).build();
    private ScheduledExecutorService scheduler;
    private ExecutorService senders;

    Webhooks(SimContext ctx) {
        this.ctx = ctx;
    }

    void start(ScheduledExecutorService scheduler, ExecutorService senders) {
        this.scheduler = scheduler;
        this.senders = senders;
        long tick = Math.max(5, Math.min(100, ctx.renderTime().toMillis() / 10));
        scheduler.scheduleWithFixedDelay(this::tick, tick, tick, TimeUnit.MILLISECONDS);
    }

    /** Remembers a new render that names a webhook. */
    void watch(Render r, FaultRule fault) {
        if (!r.request.hasNonNull("webhook")) return;
        if (pending.size() >= MAX_PENDING) {
            ctx.stats().webhook("dropped");
            return;
        }
        pending.put(r.id, new Pending(r, fault));
    }

    void clear() {
        pending.clear();
    }

    private void tick() {
        Instant now = ctx.now();
        for (Pending p : pending.values()) {
            p.render().timeline.advance(now);
            if (!p.render().finished()) continue;
            pending.remove(p.render().id);
            FaultKind kind = p.fault() == null ? null : p.fault().kind();
            if (kind == FaultKind.WEBHOOK_DROP) {
                ctx.stats().webhook("dropped");
                continue;
            }
            long delay = kind == FaultKind.WEBHOOK_LATE ? p.fault().delayMs() : 0;
            int copies = kind == FaultKind.WEBHOOK_DUPLICATE ? 2 : 1;
            for (int i = 0; i < copies; i++) later(() -> send(p.render(), 1), delay);
        }
    }

    private void send(Render r, int attempt) {
        try {
            senders.execute(() -> {
                boolean ok = post(r.request.get("webhook").asString(), SimJson.bytes(RenderView.of(r, ctx)));
                ctx.stats().webhook(ok ? "delivered" : "failed_attempts");
                if (!ok && attempt < ATTEMPTS) later(() -> send(r, attempt + 1), RETRY_AFTER.toMillis());
            });
        } catch (RejectedExecutionException e) {
            ctx.stats().webhook("dropped"); // the bounded send queue is full, or the simulator is closing
        }
    }

    private void later(Runnable task, long delayMs) {
        try {
            scheduler.schedule(task, delayMs, TimeUnit.MILLISECONDS);
        } catch (RejectedExecutionException e) {
            ctx.stats().webhook("dropped"); // the simulator is closing
        }
    }

    private boolean post(String url, byte[] body) {
        try {
            HttpRequest req = HttpRequest.newBuilder(URI.create(url))
                    .timeout(Duration.ofSeconds(10))
                    .header("Content-Type", "application/json")
                    .POST(HttpRequest.BodyPublishers.ofByteArray(body))
                    .build();
            return http.send(req, HttpResponse.BodyHandlers.discarding()).statusCode() / 100 == 2;
        } catch (java.io.IOException | IllegalArgumentException e) {
            return false;
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            return false;
        }
    }
}
