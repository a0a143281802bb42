package dev.avatarkit.http;

import jakarta.servlet.ServletOutputStream;
import jakarta.servlet.WriteListener;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.ArrayDeque;
import java.util.Queue;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.Future;
import java.util.concurrent.RejectedExecutionException;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;
import java.util.function.Function;

/**
 * One open event stream, written with servlet non-blocking I/O: no thread waits on it. Events and heartbeats are
 * written when the connection can take them (a client that does not read just lets its queue fill until the hub
 * drops it); writing happens on the small shared executor or on Jetty's write-possible callback, one at a time.
 * {@link #start} returns a future that completes when the stream ends (client gone, fell behind, server stopping).
 */
final class SseSession implements WriteListener {
    private static final int MAX_BATCH = 64 * 1024;

    private final ServletOutputStream out;
    private final EventHub.Subscription subscription;
    private final Function<EventHub.Event, byte[]> format;
    private final ScheduledExecutorService executor;
    private final AutoCloseable permit;
    private final Queue<byte[]> pending = new ArrayDeque<>();
    private final CompletableFuture<Void> ended = new CompletableFuture<>();
    private Future<?> heartbeat;

    SseSession(
            ServletOutputStream out,
            EventHub.Subscription subscription,
            Function<EventHub.Event, byte[]> format,
            ScheduledExecutorService executor,
            AutoCloseable permit) {
        this.out = out;
        this.subscription = subscription;
        this.format = format;
        this.executor = executor;
        this.permit = permit;
    }

    CompletableFuture<Void> start(String greeting, Duration every) {
        synchronized (this) {
            pending.add(greeting.getBytes(StandardCharsets.UTF_8));
        }
        subscription.onEvent(this::schedulePump);
        heartbeat = executor.scheduleAtFixedRate(
                () -> {
                    synchronized (this) {
                        pending.add(": ping\n\n".getBytes(StandardCharsets.UTF_8));
                    }
                    pump();
                },
                every.toMillis(),
                every.toMillis(),
                TimeUnit.MILLISECONDS);
        out.setWriteListener(this); // Jetty calls onWritePossible once the stream can take bytes
        return ended;
    }

    @Override
    public void onWritePossible() {
        pump();
    }

    @Override
    public void onError(Throwable t) {
        end();
    }

    private void schedulePump() {
        try {
            executor.execute(this::pump);
        } catch (RejectedExecutionException stopping) {
            end();
        }
    }

    /** Writes whatever is waiting while the connection accepts it; never blocks. */
    private synchronized void pump() {
        if (ended.isDone()) return;
        try {
            while (out.isReady()) {
                if (subscription.ended()) {
                    end();
                    return;
                }
                byte[] batch = batch();
                if (batch.length == 0) return;
                out.write(batch);
                if (out.isReady()) out.flush();
            }
        } catch (IOException | IllegalStateException clientGone) {
            end();
        }
    }

    private byte[] batch() {
        ByteArrayOutputStream buffer = new ByteArrayOutputStream();
        while (buffer.size() < MAX_BATCH) {
            byte[] next = pending.poll();
            if (next == null) {
                EventHub.Event event = subscription.next();
                if (event == null) break;
                next = format.apply(event);
            }
            buffer.writeBytes(next);
        }
        return buffer.toByteArray();
    }

    private void end() {
        if (heartbeat != null) heartbeat.cancel(false);
        subscription.close();
        try {
            permit.close();
        } catch (Exception ignored) {
            // closing a permit cannot fail
        }
        ended.complete(null);
    }
}
