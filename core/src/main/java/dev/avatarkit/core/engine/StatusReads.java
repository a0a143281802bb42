package dev.avatarkit.core.engine;

import dev.avatarkit.core.domain.ProviderRef;
import dev.avatarkit.core.port.NotFoundException;
import dev.avatarkit.core.port.RenderStatus;
import dev.avatarkit.core.port.VideoProvider;
import java.time.Duration;
import java.util.Iterator;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionException;

/**
 * Coalesces the status reads of renders polled at the same time into one bulk read (group commit): a read that
 * finds no request in flight waits a short window for reads due at the same instant, then sends them all; reads
 * arriving while one is in flight go together in the next request ({@link VideoProvider#statuses},
 * ≤ {@value #MAX_BATCH} refs). Many pollers cost one request per round instead of one each.
 *
 * <p>Bulk answers may carry no result files (HeyGen's v3 bulk route has none): the download step reads a finished
 * render once more on its own for its URLs ({@link Renderers#freshStatus}), after the render's slot was handed on,
 * so that read is not on the path from "finished" to the next create.
 */
final class StatusReads {
    static final int MAX_BATCH = 100;

    private final VideoProvider provider;
    private final Duration window;
    private final Map<ProviderRef, CompletableFuture<RenderStatus>> waiting = new LinkedHashMap<>();
    private boolean sending;

    /** @param window how long a leader waits for others due at the same instant before sending (zero: never) */
    StatusReads(VideoProvider provider, Duration window) {
        this.provider = provider;
        this.window = window;
    }

    RenderStatus read(ProviderRef ref) {
        CompletableFuture<RenderStatus> mine;
        boolean lead;
        synchronized (this) {
            mine = waiting.computeIfAbsent(ref, r -> new CompletableFuture<>());
            lead = !sending;
            sending = true;
        }
        if (lead) {
            pause();
            sendUntilNoneWait();
        }
        try {
            return mine.join();
        } catch (CompletionException e) {
            if (e.getCause() instanceof RuntimeException cause) throw cause;
            throw e;
        }
    }

    /** Steps due at one instant start a few milliseconds apart on the scheduler's threads: let them join. */
    private void pause() {
        if (window.isZero()) return;
        try {
            Thread.sleep(window.toMillis());
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }

    /** How many reads wait for the next round (tests use it to line readers up). */
    synchronized int waiting() {
        return waiting.size();
    }

    /** The leader sends rounds until nobody waits; each waiting reader gets its own status or exception. */
    private void sendUntilNoneWait() {
        while (true) {
            Map<ProviderRef, CompletableFuture<RenderStatus>> round = new LinkedHashMap<>();
            synchronized (this) {
                Iterator<Map.Entry<ProviderRef, CompletableFuture<RenderStatus>>> it = waiting.entrySet().iterator();
                while (it.hasNext() && round.size() < MAX_BATCH) {
                    Map.Entry<ProviderRef, CompletableFuture<RenderStatus>> next = it.next();
                    round.put(next.getKey(), next.getValue());
                    it.remove();
                }
                if (round.isEmpty()) {
                    sending = false;
                    return;
                }
            }
            send(round);
        }
    }

    private void send(Map<ProviderRef, CompletableFuture<RenderStatus>> round) {
        if (round.size() == 1) {
            Map.Entry<ProviderRef, CompletableFuture<RenderStatus>> only = round.entrySet().iterator().next();
            complete(only.getValue(), only.getKey());
            return;
        }
        Map<ProviderRef, RenderStatus> found;
        try {
            found = provider.statuses(round.keySet());
        } catch (RuntimeException e) {
            round.values().forEach(f -> f.completeExceptionally(e));
            return;
        }
        round.forEach((ref, future) -> {
            RenderStatus status = found.get(ref);
            if (status == null) {
                future.completeExceptionally(new NotFoundException("the provider no longer knows render " + ref, 404,
                        null, null, null));
            } else {
                future.complete(status);
            }
        });
    }

    private void complete(CompletableFuture<RenderStatus> future, ProviderRef ref) {
        try {
            future.complete(provider.status(ref));
        } catch (RuntimeException e) {
            future.completeExceptionally(e);
        }
    }
}
