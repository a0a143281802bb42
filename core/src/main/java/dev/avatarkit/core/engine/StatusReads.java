package dev.avatarkit.core.engine;

import dev.avatarkit.core.domain.ProviderRef;
import dev.avatarkit.core.port.NotFoundException;
import dev.avatarkit.core.port.RenderPhase;
import dev.avatarkit.core.port.RenderStatus;
import dev.avatarkit.core.port.Sleeper;
import dev.avatarkit.core.port.VideoProvider;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Iterator;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.concurrent.CompletableFuture;

/**
 * Coalesces the status reads of renders polled at the same time into one bulk read (group commit): a read that
 * finds no request in flight waits a short window for reads due at the same instant, then sends them all; reads
 * arriving while one is in flight go together in the next request ({@link VideoProvider#statuses},
 * ≤ {@value #MAX_BATCH} refs). Many pollers cost one request per round instead of one each.
 *
 * <p>Every round also carries the account's other renders that are near their usual finish ({@link #watch}), up to
 * the batch size: one request per tick covers every render that may be done, not only those whose own poll is due.
 * One found finished that way is kept ({@link #takeSeen}) and its job is woken at once, so a render that finished
 * just after its own poll is not left holding its slot until its next one.
 *
 * <p>Bulk answers may carry no result files (some dialects' bulk routes have none): the download step reads a finished
 * render once more for its URLs ({@link Renderers#freshStatus}, with the others found with it), after its slot was
 * handed on, so that read is not on the path from "finished" to the next create. A round with a read whose caller
 * expects the render done (a poll at a learned finish time) goes as one {@link VideoProvider#statusesWithResults}
 * call instead, so the renders it finds done carry their URLs: a wave's end read costs one request, where reading
 * each expected render alone (as until session 7) cost one a render, and bulk-then-URLs two a wave.
 */
final class StatusReads {
    static final int MAX_BATCH = 100;
    /** Renders watched, and finished ones kept for their job: at most this many each (oldest dropped first). */
    static final int MAX_WATCHED = 10_000;

    private final VideoProvider provider;
    private final Duration window;
    private final Sleeper sleeper;
    private final Map<ProviderRef, CompletableFuture<RenderStatus>> waiting = new LinkedHashMap<>();
    /** Waiting reads whose callers expect the render done: their round reads URLs too. */
    private final Set<ProviderRef> expectDone = new LinkedHashSet<>();

    private final Map<ProviderRef, Watched> watched = new LinkedHashMap<>();
    private final Map<ProviderRef, RenderStatus> seen = new LinkedHashMap<>();
    private final Map<ProviderRef, Carried> carried = new LinkedHashMap<>();
    private boolean sending;

    /**
     * A running render to read along with others from {@code from} until {@code until} (its deadline: a job
     * cancelled or taken over elsewhere is not carried for ever); {@code wake} runs its job when found done.
     */
    private record Watched(Instant from, Instant until, Runnable wake) {}

    /** A watched render's status as a round sent at {@code at} found it (still running). */
    private record Carried(RenderStatus status, Instant at) {}

    /** @param window how long a leader waits for others due at the same instant before sending (zero: never) */
    StatusReads(VideoProvider provider, Duration window) {
        this(provider, window, Sleeper.system());
    }

    StatusReads(VideoProvider provider, Duration window, Sleeper sleeper) {
        this.provider = provider;
        this.window = window;
        this.sleeper = sleeper;
    }

    RenderStatus read(ProviderRef ref) {
        return read(ref, Instant.MIN, false);
    }

    /**
     * Reads {@code ref}'s status; the round also carries watched renders due by {@code now}. {@code expectDone}: the
     * caller expects it finished, so its round reads the URLs of the renders it finds done too.
     */
    RenderStatus read(ProviderRef ref, Instant now, boolean expectDone) {
        CompletableFuture<RenderStatus> mine;
        boolean lead;
        synchronized (this) {
            mine = waiting.computeIfAbsent(ref, r -> new CompletableFuture<>());
            if (expectDone) this.expectDone.add(ref);
            lead = !sending;
            sending = true;
        }
        if (lead) {
            GroupCommit.pause(sleeper, window);
            sendUntilNoneWait(now);
        }
        return GroupCommit.await(mine);
    }

    /** How many reads wait for the next round (tests use it to line readers up). */
    synchronized int waiting() {
        return waiting.size();
    }

    /**
     * Reads {@code ref} along with any round sent from {@code from} on (when it may be done) until {@code until},
     * it is found finished (then {@code wake} runs, on the sending thread) or it is {@link #unwatch unwatched}.
     */
    synchronized void watch(ProviderRef ref, Instant from, Instant until, Runnable wake) {
        watched.remove(ref);
        if (watched.size() >= MAX_WATCHED)
            watched.remove(watched.keySet().iterator().next());
        watched.put(ref, new Watched(from, until, wake));
    }

    /** Runs the jobs of every render watched now (on this thread), so they read and plan again. */
    void wakeWatched() {
        List<Runnable> wakes;
        synchronized (this) {
            wakes = watched.values().stream().map(Watched::wake).toList();
        }
        runAll(wakes);
    }

    /** Forgets {@code ref}: its job no longer polls it (finished, failed, cancelled). */
    synchronized void unwatch(ProviderRef ref) {
        watched.remove(ref);
        seen.remove(ref);
        carried.remove(ref);
    }

    /**
     * The running status a round read for {@code ref} along with others at or after {@code due}, when its own poll
     * was due: as good as reading it again now, which would only split one tick's reads over several requests
     * (steps due at one instant run tens of milliseconds apart).
     */
    synchronized Optional<RenderStatus> carriedSince(ProviderRef ref, Instant due) {
        Carried c = carried.get(ref);
        return c != null && due != null && !c.at().isBefore(due) ? Optional.of(c.status()) : Optional.empty();
    }

    /** The finished status a round found for {@code ref} while reading others, once. */
    synchronized Optional<RenderStatus> takeSeen(ProviderRef ref) {
        return Optional.ofNullable(seen.remove(ref));
    }

    /** The leader sends rounds until nobody waits; each waiting reader gets its own status or exception. */
    private void sendUntilNoneWait(Instant now) {
        List<Runnable> wakes = new ArrayList<>();
        try {
            sendRounds(now, wakes);
        } finally {
            // after this leader stepped down: waking a job writes to the scheduler, which may be slow under load,
            // and no reader should wait for that
            runAll(wakes);
        }
    }

    private static void runAll(List<Runnable> wakes) {
        for (Runnable wake : wakes) {
            try {
                wake.run();
            } catch (RuntimeException e) {
                // not woken: its own next poll finds the status kept here, only later
            }
        }
    }

    private void sendRounds(Instant now, List<Runnable> wakes) {
        while (true) {
            Map<ProviderRef, CompletableFuture<RenderStatus>> round = new LinkedHashMap<>();
            boolean withResults = false;
            Map<ProviderRef, Watched> along = new LinkedHashMap<>();
            synchronized (this) {
                Iterator<Map.Entry<ProviderRef, CompletableFuture<RenderStatus>>> it =
                        waiting.entrySet().iterator();
                while (it.hasNext() && round.size() < MAX_BATCH) {
                    Map.Entry<ProviderRef, CompletableFuture<RenderStatus>> next = it.next();
                    round.put(next.getKey(), next.getValue());
                    withResults |= expectDone.remove(next.getKey());
                    it.remove();
                }
                if (round.isEmpty()) {
                    sending = false;
                    return;
                }
                watched.values().removeIf(w -> w.until().isBefore(now));
                for (Map.Entry<ProviderRef, Watched> w : watched.entrySet()) {
                    if (round.size() + along.size() >= MAX_BATCH) break;
                    if (!round.containsKey(w.getKey()) && !w.getValue().from().isAfter(now))
                        along.put(w.getKey(), w.getValue());
                }
            }
            send(round, along, withResults, now, wakes);
        }
    }

    private static boolean finished(RenderStatus status) {
        return status.phase() != RenderPhase.PENDING && status.phase() != RenderPhase.RUNNING;
    }

    private void send(
            Map<ProviderRef, CompletableFuture<RenderStatus>> round,
            Map<ProviderRef, Watched> along,
            boolean withResults,
            Instant now,
            List<Runnable> wakes) {
        if (round.size() == 1 && along.isEmpty()) {
            Map.Entry<ProviderRef, CompletableFuture<RenderStatus>> only =
                    round.entrySet().iterator().next();
            complete(only.getValue(), only.getKey());
            return;
        }
        Map<ProviderRef, RenderStatus> found;
        try {
            Set<ProviderRef> refs = new LinkedHashSet<>(round.keySet());
            refs.addAll(along.keySet());
            found = withResults ? provider.statusesWithResults(refs) : provider.statuses(refs);
        } catch (RuntimeException e) {
            round.values().forEach(f -> f.completeExceptionally(e));
            return;
        }
        round.forEach((ref, future) -> {
            RenderStatus status = found.get(ref);
            if (status == null) {
                future.completeExceptionally(
                        new NotFoundException("the provider no longer knows render " + ref, 404, null, null, null));
            } else {
                future.complete(status);
            }
        });
        along.forEach((ref, w) -> {
            RenderStatus status = found.get(ref);
            if (status == null) return;
            if (!finished(status)) keepCarried(ref, status, w, now);
            else if (keepSeen(ref, status, w)) wakes.add(w.wake());
        });
    }

    /** Keeps a running status for its job's next poll (if still watched: not unwatched meanwhile). */
    private synchronized void keepCarried(ProviderRef ref, RenderStatus status, Watched w, Instant now) {
        if (watched.get(ref) != w) return;
        carried.remove(ref);
        if (carried.size() >= MAX_WATCHED)
            carried.remove(carried.keySet().iterator().next());
        carried.put(ref, new Carried(status, now));
    }

    /** Keeps a finished status for its job, if still watched (not read or forgotten meanwhile): then wake it. */
    private synchronized boolean keepSeen(ProviderRef ref, RenderStatus status, Watched w) {
        if (watched.get(ref) != w) return false;
        watched.remove(ref);
        if (seen.size() >= MAX_WATCHED) seen.remove(seen.keySet().iterator().next());
        seen.put(ref, status);
        return true;
    }

    private void complete(CompletableFuture<RenderStatus> future, ProviderRef ref) {
        try {
            future.complete(provider.status(ref));
        } catch (RuntimeException e) {
            future.completeExceptionally(e);
        }
    }
}
