package dev.avatarkit.core.engine;

import dev.avatarkit.core.domain.Job;
import dev.avatarkit.core.domain.JobKind;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayDeque;
import java.util.Deque;
import java.util.EnumMap;
import java.util.Map;
import java.util.NavigableSet;
import java.util.Optional;
import java.util.TreeSet;
import java.util.function.BooleanSupplier;

/**
 * How long renders of each kind take, as an interval: a render seen running 19.8 s into its render and found done
 * at 20.8 s took between the two. A kind's interval is the tightest the newest renders agree on: from the longest
 * any of them was seen running to the shortest any was found done. Polls are planned across it: a few steps (bulk
 * reads, shared by a wave of renders) while it is wide, each wave narrowing it to one step, then one read just past
 * its end, where the wave's renders are expected done (that read carries the URLs too, so a wave costs one request).
 *
 * <p>Until session 6 this was a moving average with a first poll a 160th past it and five special cases (bounded,
 * bounded above, measured, crossing, first-poll hits pulling it down). The average never knew how sure it was: the
 * 20 s stand-in's waves after the second were all found 0.8 s late, each first-poll hit pulling the estimate down
 * a step while the grid and the margin pushed the poll back up. An interval says what the polls showed and no more.
 *
 * <p>Evidence ages out after {@value #WINDOW} renders, so the interval follows renders that got longer (a render
 * seen running past the interval's end starts a new one) or shorter (without a recent render seen running, the
 * wave probes a few steps below the end, where it finds them done).
 */
final class RenderTimes {
    /** Renders of a kind whose evidence counts: the stand-in's eight waves, small enough to follow a change. */
    private static final int WINDOW = 40;
    /** A wide interval is crossed in at most this many steps: each wave then narrows it to a third. */
    private static final int CROSSING_STEPS = 3;
    /**
     * An interval this share of the render wide (at least {@link #MIN_POLL}) is narrow enough: one read at its end,
     * found within it (an eighth of a second at 20 s).
     */
    private static final int NARROW_PER_RENDER = 160;
    /** A render still running past the interval's end is read again this share of the render later, at first. */
    private static final int FOLLOW_UPS_PER_RENDER = 80;
    /** ...then a quarter of the time it has overrun, so a much longer render costs a few reads, not eighty. */
    private static final int OVERRUN_SHARE = 4;
    /** Without a recent render seen running, the interval's start is assumed this many narrow widths below its end. */
    private static final int ASSUMED_NARROW_WIDTHS = 3;

    /**
     * With no history yet, each poll waits this share of the render's time so far (at least the policy's first
     * wait), so a first render is found within 15 % of its time: the ×1.25 backoff used before found the 20 s
     * stand-in's first wave 6.3 s late (a quarter of the render), and every slot of the account waited for it.
     * Past {@link #NO_HISTORY_LONG} the share grows to 40 %: a lone render has the slack.
     */
    private static final double NO_HISTORY_SHARE = 0.15;

    private static final double NO_HISTORY_LONG_SHARE = 0.4;
    private static final Duration NO_HISTORY_LONG = Duration.ofSeconds(30);
    /**
     * While renders wait for a slot, a first wave is searched finer: every render queued behind it inherits its
     * lateness, and what it teaches plans every later wave (the 20 s stand-in: found 1.75 s late at 15 %, then the
     * wave after it 0.74 s late across the interval that left). It is polled every {@link #QUEUED_FIRST_WAIT_SHARE}
     * of the policy's first wait (1 s by default), past 25 s every 4 % of its time so far, past {@link
     * #NO_HISTORY_LONG} every 15 %. Affordable because a wave's renders are read together, later waves in one read
     * (see {@link StatusReads}): the 60 s stand-in's first wave takes 35 of its 60-request budget (at 0.8 s, 39 left
     * it exactly 60).
     */
    private static final double QUEUED_SHARE = 0.04;

    private static final double QUEUED_LONG_SHARE = 0.15;
    private static final double QUEUED_FIRST_WAIT_SHARE = 0.5;
    /** Before the first render is known, when {@link #renderStart} is not: the policy's backoff, this factor. */
    private static final double NO_HISTORY_GROWTH = 1.25;

    private static final Duration MIN_POLL = Duration.ofMillis(100);
    /** The least a read at an interval's end waits past it (see {@link #margin(JobKind, long)}). */
    private static final Duration END_MARGIN = Duration.ofMillis(50);
    /** Planned bulk-read instants kept a kind: far more than renders in flight at once read in one request. */
    private static final int MAX_PLANNED_READS = 1000;
    /** A planned poll is waited for up to this many times the policy's longest wait. */
    private static final int PLANNED_WAIT_LIMIT = 4;

    /**
     * What one render showed: running {@code ranFor} ms into it (-1: never seen running), done by {@code doneBy};
     * {@code searchedElsewhere}: an earlier process found it after polls seen running, which it did not keep.
     */
    private record Sample(long ranFor, long doneBy, boolean searchedElsewhere) {}

    /** Renders of a kind take more than {@code lo} and at most {@code hi} milliseconds. */
    private record Interval(long lo, long hi) {
        long width() {
            return hi - lo;
        }
    }

    private final Map<JobKind, Deque<Sample>> samples = new EnumMap<>(JobKind.class);
    /** Instants bulk reads are planned at, per kind, for renders of a wave to share (see {@link #joinBulkRead}). */
    private final Map<JobKind, NavigableSet<Instant>> bulkReads = new EnumMap<>(JobKind.class);
    /** Per kind, what misses grew the margin past an interval's end to (see {@link #margin}). */
    private final Map<JobKind, Long> margins = new EnumMap<>(JobKind.class);

    private final EnginePolicy policy;
    private final BooleanSupplier rendersQueued;

    /** @param rendersQueued whether renders wait for a render slot now (jobs parked at the concurrency gate) */
    RenderTimes(EnginePolicy policy, BooleanSupplier rendersQueued) {
        this.policy = policy;
        this.rendersQueued = rendersQueued;
    }

    /**
     * Learns from a render found finished at {@code now} (taken after the read that found it) by a poll of {@code
     * job} as it was before that poll: its last poll, if it was made after the render started, saw it running.
     * Returns whether it is the first of its kind learned: the renders still running were planned without history,
     * their next polls seconds apart, and are worth planning again (the 10 s stand-in: two of a first wave's five,
     * seen running 0.15 s before their end by the read that found the others done, were found 2 s late).
     */
    synchronized boolean finished(Job job, Instant now) {
        Optional<Instant> start = renderStart(job);
        if (overdue(job, now) || start.isEmpty()) return false;
        long doneBy = Duration.between(start.get(), now).toMillis();
        if (doneBy <= 0) return false;
        // a resent create's render is stamped from the first send (see SubmitStep#accepted), so it ran for at most
        // what its polls saw, maybe less: only that it was done by now is sure. The attempt count carries over a
        // user retry, so a retried job's clean render is left out too: it loses this lower bound, nothing else
        boolean seenRunning = job.polls() > 0 && job.updatedAt().isAfter(start.get()) && job.attempts() <= 1;
        long ranFor =
                seenRunning ? Duration.between(start.get(), job.updatedAt()).toMillis() : -1;
        boolean first = !samples.containsKey(job.kind());
        margins.computeIfPresent(job.kind(), (kind, margin) -> margin - margin / 16);
        learn(job.kind(), new Sample(Math.min(ranFor, doneBy - 1), doneBy, false));
        return first;
    }

    /** Whether a render of {@code kind} was learned: polls are planned from its time, not without history. */
    synchronized boolean knows(JobKind kind) {
        return samples.containsKey(kind);
    }

    /**
     * Learns, at start-up, from a render an earlier process found finished at {@code foundAt}: without it a restart
     * polled the renders it resumed as a first wave without history (the kill-and-re-run stand-in: found up to 15 %
     * of a render late). {@code searched}: polls saw it running first, so it may have ended well before (see {@link
     * #searchedStart}); else its one poll was planned at an end that process knew. Called before any step runs.
     */
    synchronized void recall(Job job, Instant foundAt, boolean searched) {
        renderStart(job).ifPresent(start -> {
            long doneBy = Duration.between(start, foundAt).toMillis();
            if (doneBy > 0) learn(job.kind(), new Sample(-1, doneBy, searched));
        });
    }

    /**
     * A poll made long after it was due (a restart, a stopped worker, a scheduler backlog) finds a render that may
     * have finished any time before: so wide an interval sent the next wave probing across the whole outage (found
     * by the kill-and-re-run stand-in). Overdue: later than a tenth of the render so far, and at least a second,
     * past the poll's due time.
     */
    private boolean overdue(Job job, Instant now) {
        Optional<Instant> start = renderStart(job);
        if (job.nextRunAt() == null || start.isEmpty()) return false;
        long late = Duration.between(job.nextRunAt(), now).toMillis();
        return late > Math.max(1000, Duration.between(start.get(), now).toMillis() / 10);
    }

    private void learn(JobKind kind, Sample sample) {
        Deque<Sample> recent = samples.computeIfAbsent(kind, k -> new ArrayDeque<>());
        recent.addFirst(sample);
        if (recent.size() > WINDOW) recent.removeLast();
    }

    /**
     * The interval the newest renders agree on, newest first: an older render that contradicts a newer one (seen
     * running past when a newer one was done, or done before a newer one was seen running) and all older than it
     * no longer count. Empty before the first render of the kind finished.
     */
    private Optional<Interval> interval(JobKind kind) {
        Deque<Sample> recent = samples.get(kind);
        if (recent == null || recent.isEmpty()) return Optional.empty();
        long lo = -1;
        long hi = Long.MAX_VALUE;
        boolean onlySearchedElsewhere = true;
        for (Sample sample : recent) {
            long newLo = Math.max(lo, sample.ranFor());
            long newHi = Math.min(hi, sample.doneBy());
            if (newLo >= newHi) break;
            lo = newLo;
            hi = newHi;
            onlySearchedElsewhere &= sample.searchedElsewhere();
        }
        if (lo < 0)
            lo = onlySearchedElsewhere ? searchedStart(hi) : Math.max(0, hi - ASSUMED_NARROW_WIDTHS * narrow(hi));
        return Optional.of(new Interval(lo, hi));
    }

    /**
     * Where renders an earlier process searched for and found done by {@code hi} may have ended: as much below it as
     * its polls were apart at worst (no history: 15 % of the render, 40 % past 30 s, at most the longest wait).
     * Assumed as narrow as a render found at its first poll, a lone earlier render found 1.3 s late planned the next
     * batch's first wave 1.3 s late, and each wave after probed only three narrow widths lower (the 20 s stand-in
     * after a batch of five: 164.4 s, where a fresh home took 161.9 s).
     */
    private long searchedStart(long hi) {
        double share = hi > NO_HISTORY_LONG.toMillis() ? NO_HISTORY_LONG_SHARE : NO_HISTORY_SHARE;
        return Math.max(Math.round(hi / (1 + share)), hi - policy.pollMax().toMillis());
    }

    /**
     * Whether {@code job}'s poll at {@code now} is the one at its interval's end, where its render is expected done:
     * then its round reads the URLs too (see {@link StatusReads}). Not a poll before it, nor a follow-up after such a
     * read found it running.
     */
    synchronized boolean expectsDone(Job job, Instant now) {
        Optional<Interval> interval = interval(job.kind());
        Optional<Instant> start = renderStart(job);
        if (interval.isEmpty() || start.isEmpty()) return false;
        Instant end = start.get().plusMillis(interval.get().hi());
        return !now.isBefore(end) && (job.polls() == 0 || job.updatedAt().isBefore(end));
    }

    /**
     * The wait before the first poll of a render accepted at {@code now}: started then, or earlier where {@code job}
     * (still SUBMITTING) carries a deadline from a create whose outcome was unknown.
     */
    synchronized Duration firstPoll(Job job, Instant now) {
        Optional<Interval> interval = interval(job.kind());
        if (interval.isEmpty()) return rendersQueued.getAsBoolean() ? queuedFirstWait() : policy.pollInitial();
        long elapsed = renderStart(job)
                .map(start -> Duration.between(start, now).toMillis())
                .orElse(0L);
        return planned(job.kind(), interval.get(), now, Math.max(0, elapsed));
    }

    /**
     * From when {@code job}'s render may be done, so bulk reads made for others carry it: its interval's start; at
     * once with no history (renders of the first wave are read together anyway).
     */
    synchronized Instant mayBeDone(Job job) {
        Optional<Interval> interval = interval(job.kind());
        Optional<Instant> start = renderStart(job);
        if (interval.isEmpty() || start.isEmpty()) return Instant.MIN;
        return start.get().plusMillis(interval.get().lo());
    }

    /** The wait before the next poll of a render still running (or not read: a failed read) at {@code now}. */
    synchronized Duration nextPoll(Job job, Instant now) {
        Optional<Interval> interval = interval(job.kind());
        Optional<Instant> start = renderStart(job);
        if (interval.isEmpty() || start.isEmpty()) return withoutHistory(job, now);
        long elapsed = Duration.between(start.get(), now).toMillis();
        if (elapsed < interval.get().hi()) return planned(job.kind(), interval.get(), now, elapsed);
        Instant end = start.get().plusMillis(interval.get().hi());
        if (job.polls() == 0 || job.updatedAt().isBefore(end)) missedTheEnd(job.kind(), interval.get());
        // longer than any recent render: follow up, then back off in proportion to the overrun
        long step = followUpStep(interval.get().hi());
        long overrun = elapsed - interval.get().hi();
        long wait = Math.max(step, overrun / OVERRUN_SHARE);
        if (wait >= policy.pollMax().toMillis()) return policy.pollMax();
        return joinBulkRead(job.kind(), now, wait, step);
    }

    /**
     * The wait from {@code now}, {@code elapsed} into a render, to the next planned poll: the next step across a
     * wide interval (joining a bulk read planned by the wave's other renders), else the interval's end and a margin
     * (joined likewise).
     */
    private Duration planned(JobKind kind, Interval interval, Instant now, long elapsed) {
        long narrow = narrow(interval.hi());
        if (interval.width() > narrow) {
            long step = Math.max(interval.width() / CROSSING_STEPS, narrow);
            // a read joined up to this much before its step was that step's (planning it again cost the 30 s
            // stand-in a request a wave: the step came round 0.1 s later)
            long early = Math.min(2 * narrow, step / 2);
            long steps = elapsed + early < interval.lo() ? 1 : (elapsed + early - interval.lo()) / step + 1;
            long next = interval.lo() + steps * step;
            if (next < interval.hi()) return joinBulkRead(kind, now, untilPlanned(next - elapsed), early);
        }
        // a wave's renders join one read at the end (its listing carries their URLs): read alone, each cost a
        // request, most of the status budget after the first wave; joined up to half the margin early, as a wave's
        // renders start tens of milliseconds apart
        long margin = margin(kind, narrow);
        return joinBulkRead(kind, now, untilPlanned(interval.hi() + margin - elapsed), margin / 2);
    }

    /** A planned poll far away waits at most {@value #PLANNED_WAIT_LIMIT} times the longest wait: one on the way. */
    private long untilPlanned(long millis) {
        return Math.min(millis, PLANNED_WAIT_LIMIT * policy.pollMax().toMillis());
    }

    /**
     * 2 s, then 4, 6, 8, 10, 12, 14, 16.1, 18.5, 21.3, 24.5, 28.2, 32.4, 45.3, 63.5 … s into the render (by default):
     * each wait a share of the render so far, up to the maximum; finer while renders are queued ({@link
     * #QUEUED_SHARE}). A wave's renders join one another's reads (they start some milliseconds apart).
     */
    private Duration withoutHistory(Job job, Instant now) {
        Optional<Instant> start = renderStart(job);
        boolean queued = rendersQueued.getAsBoolean();
        double wait;
        if (start.isPresent()) {
            Duration elapsed = Duration.between(start.get(), now);
            boolean isLong = elapsed.compareTo(NO_HISTORY_LONG) > 0;
            double share = queued
                    ? (isLong ? QUEUED_LONG_SHARE : QUEUED_SHARE)
                    : (isLong ? NO_HISTORY_LONG_SHARE : NO_HISTORY_SHARE);
            long least =
                    queued ? queuedFirstWait().toMillis() : policy.pollInitial().toMillis();
            wait = Math.max(least, elapsed.toMillis() * share);
        } else {
            wait = policy.pollInitial().toMillis() * Math.pow(NO_HISTORY_GROWTH, Math.min(job.polls(), 60));
        }
        long millis = Math.min(Math.round(wait), policy.pollMax().toMillis());
        return joinBulkRead(job.kind(), now, millis, millis / 4);
    }

    private Duration queuedFirstWait() {
        return Duration.ofMillis(
                Math.max(MIN_POLL.toMillis(), Math.round(policy.pollInitial().toMillis() * QUEUED_FIRST_WAIT_SHARE)));
    }

    /**
     * How long after the interval's end its read is made. The end is the earliest any render was found done, and a
     * render's start is when its create was answered, some milliseconds after the provider started it (more under
     * load, and by more for some renders than others): read at the very end, a render whose answer came quicker was
     * still running (the 60 s stand-in, quiet: 1.78 requests a video, each miss a follow-up and a wider interval to
     * cross again). At least 50 ms or a quarter of a narrow interval; each miss adds half (up to two narrow widths),
     * each render found eases it by a 16th, so it settles where misses are rare.
     */
    private long margin(JobKind kind, long narrow) {
        long least = Math.max(END_MARGIN.toMillis(), narrow / 4);
        return Math.max(least, margins.getOrDefault(kind, 0L));
    }

    /** The read at the end of {@code interval} found a render of {@code kind} still running. */
    private void missedTheEnd(JobKind kind, Interval interval) {
        long narrow = narrow(interval.hi());
        long margin = margin(kind, narrow);
        margins.put(kind, Math.min(2 * narrow, margin + margin / 2));
    }

    private static long narrow(long renderMillis) {
        return Math.max(MIN_POLL.toMillis(), renderMillis / NARROW_PER_RENDER);
    }

    private long followUpStep(long renderMillis) {
        long step = Math.max(MIN_POLL.toMillis(), renderMillis / FOLLOW_UPS_PER_RENDER);
        return Math.min(step, policy.pollMax().toMillis());
    }

    /**
     * The wait until a bulk read planned for another render of {@code kind} up to {@code early} before {@code now +
     * wait}, else until then (planned for later renders to join). A wave's renders start up to half a second apart:
     * each planned its own instant and paid a request each (the 30 s stand-in: three reads for one step across); on
     * an epoch grid they still split wherever a grid line fell between them, and the grid delayed every read.
     */
    private Duration joinBulkRead(JobKind kind, Instant now, long wait, long early) {
        NavigableSet<Instant> planned = bulkReads.computeIfAbsent(kind, k -> new TreeSet<>());
        planned.headSet(now.minusMillis(early), false).clear();
        Instant due = now.plusMillis(Math.max(wait, MIN_POLL.toMillis()));
        Instant joined = planned.ceiling(due.minusMillis(early));
        if (joined != null && !joined.isAfter(due) && joined.isAfter(now.plus(MIN_POLL)))
            return Duration.between(now, joined);
        if (planned.size() >= MAX_PLANNED_READS) planned.pollFirst();
        planned.add(due);
        return Duration.between(now, due);
    }

    /** A render's deadline is its start plus the render timeout (set when it was accepted). */
    private Optional<Instant> renderStart(Job job) {
        return Optional.ofNullable(job.deadline()).map(deadline -> deadline.minus(policy.renderTimeout()));
    }
}
