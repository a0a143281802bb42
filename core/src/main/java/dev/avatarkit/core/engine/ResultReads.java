package dev.avatarkit.core.engine;

import dev.avatarkit.core.domain.ProviderRef;
import dev.avatarkit.core.port.NotFoundException;
import dev.avatarkit.core.port.RenderStatus;
import dev.avatarkit.core.port.Sleeper;
import dev.avatarkit.core.port.VideoProvider;
import java.time.Duration;
import java.util.Iterator;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.concurrent.CompletableFuture;

/**
 * Coalesces the reads of result files (URLs) of renders a bulk status read found finished: a wave's renders are
 * found by one bulk read, then each download read its render alone for the URLs — five requests a wave, most of the
 * 60 s stand-in's status budget after the first wave. Reads made at about the same time go in one {@link
 * VideoProvider#statusesWithResults} call (one listing page, where the dialect lists videos with their URLs); a lone read stays a plain status read.
 * The same group commit as {@link StatusReads}, without its rounds of watched renders: reads after a render finished
 * need no carrying.
 */
final class ResultReads {
    private final VideoProvider provider;
    private final Duration window;
    private final Sleeper sleeper;
    private final Map<ProviderRef, CompletableFuture<RenderStatus>> waiting = new LinkedHashMap<>();
    private boolean sending;

    ResultReads(VideoProvider provider, Duration window, Sleeper sleeper) {
        this.provider = provider;
        this.window = window;
        this.sleeper = sleeper;
    }

    /** {@code ref}'s status with its result files, read along with others waiting. */
    RenderStatus read(ProviderRef ref) {
        CompletableFuture<RenderStatus> mine;
        boolean lead;
        synchronized (this) {
            mine = waiting.computeIfAbsent(ref, r -> new CompletableFuture<>());
            lead = !sending;
            sending = true;
        }
        if (lead) {
            GroupCommit.pause(sleeper, window);
            sendUntilNoneWait();
        }
        return GroupCommit.await(mine);
    }

    /** How many reads wait for the next round (tests use it to line readers up). */
    synchronized int waiting() {
        return waiting.size();
    }

    private void sendUntilNoneWait() {
        while (true) {
            Map<ProviderRef, CompletableFuture<RenderStatus>> round = new LinkedHashMap<>();
            synchronized (this) {
                Iterator<Map.Entry<ProviderRef, CompletableFuture<RenderStatus>>> it =
                        waiting.entrySet().iterator();
                while (it.hasNext() && round.size() < StatusReads.MAX_BATCH) {
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
        try {
            Map<ProviderRef, RenderStatus> found = round.size() == 1
                    ? Map.of(
                            round.keySet().iterator().next(),
                            provider.status(round.keySet().iterator().next()))
                    : provider.statusesWithResults(round.keySet());
            round.forEach((ref, future) -> {
                RenderStatus status = found.get(ref);
                if (status == null)
                    future.completeExceptionally(
                            new NotFoundException("the provider no longer knows render " + ref, 404, null, null, null));
                else if (status.results().isEmpty()) readAlone(ref, future); // a listing behind the bulk read
                else future.complete(status);
            });
        } catch (RuntimeException e) {
            round.values().forEach(f -> f.completeExceptionally(e));
        }
    }

    private void readAlone(ProviderRef ref, CompletableFuture<RenderStatus> future) {
        try {
            future.complete(provider.status(ref));
        } catch (RuntimeException e) {
            future.completeExceptionally(e);
        }
    }
}
