package dev.avatarkit.core.engine;

import dev.avatarkit.core.domain.Job;
import dev.avatarkit.core.domain.JobKind;
import dev.avatarkit.core.retry.Backoff;
import java.time.Duration;
import java.time.Instant;
import java.util.EnumMap;
import java.util.Map;
import java.util.Optional;

/**
 * How long renders of each kind have been taking (a moving average of finished ones), so polls land when a render
 * is likely done: the first poll just after the usual time (a 160th of it), then follow-ups an eightieth of it
 * apart, so a finished render is noticed within about a percent of its duration (an idle slot costs the whole
 * account: the 10 s stand-in lost a quarter of a second a wave with a fortieth) while a wave of renders polled at
 * the same instants shares one bulk status request.
 *
 * <p>A render found finished at its first poll only says it took at most that long; feeding that bound back as
 * the sample made the estimate (and so every first poll) creep up by 5 % × weight per render. Now such a sample is
 * put some follow-up steps below the bound, so the estimate comes down until a first poll is early; a render found
 * by a follow-up finished between two polls, and their midpoint is within half a step of the truth.
 */
final class RenderTimes {
    private static final double WEIGHT = 0.5;
    /**
     * With no history yet, each poll waits this share of the render's time so far (at least the policy's first
     * wait), so a first render is found within 15 % of its time: the ×1.25 backoff used before found the 20 s
     * stand-in's first wave 6.3 s late (a quarter of the render), and every slot of the account waited for it.
     * Past {@link #NO_HISTORY_LONG} the share grows to 40 %: long renders have the slack, and the bulk rounds of a
     * first wave are what the 60 s stand-in's status budget (1.5 requests a video) can least afford (17 rounds with
     * 15 % and 25 %, 15 now).
     */
    private static final double NO_HISTORY_SHARE = 0.15;

    private static final double NO_HISTORY_LONG_SHARE = 0.4;

    private static final Duration NO_HISTORY_LONG = Duration.ofSeconds(30);
    /** Before the first render is known, when {@link #renderStart} is not: the policy's backoff, this factor. */
    private static final double NO_HISTORY_GROWTH = 1.25;

    private static final long NO_HISTORY_GRID_MILLIS = 500;
    private static final double FIRST_POLL_AT = 1 + 1 / 160.0;
    private static final int FOLLOW_UPS_PER_RENDER = 80;
    /** Follow-ups past this many keep backing off: the render is far slower than usual. */
    private static final int FOLLOW_UPS_BEFORE_BACKOFF = 80;
    /** Two polls of a first render more than this many follow-up steps apart only bound it (see {@link #bounded}). */
    private static final int WIDE_STEPS = 8;
    /** Two polls at most this many follow-up steps apart measure a render (the same half second at 20 s as before). */
    private static final int MEASURING_STEPS = 4;
    /** The steps a wave after a bound takes across the interval the bound left open (see {@link #boundedAbove}). */
    private static final int BOUND_STEPS = 3;

    private static final Duration MIN_POLL = Duration.ofMillis(100);
    /** A measured usual time is waited for up to this many times the policy's longest wait. */
    private static final int MEASURED_WAIT_LIMIT = 4;

    private final Map<JobKind, Double> averageMillis = new EnumMap<>(JobKind.class);
    private final Map<JobKind, Integer> firstPollHits = new EnumMap<>(JobKind.class);
    /**
     * Kinds whose estimate was last measured between two polls up to four follow-up steps apart (not only bounded by a
     * first poll that found the render done, nor by the no-history schedule's wide gaps).
     */
    private final Map<JobKind, Boolean> measured = new EnumMap<>(JobKind.class);
    /**
     * Kinds whose estimate is only a lower bound: the last poll that saw a render of the first wave (no history)
     * running. That schedule's gaps grow to a third of the render, so the midpoint of the last two polls sat seconds
     * past the real finish and the next wave's first polls came that late (the 20 s stand-in traced at load 0: wave
     * 1 found 6.3 s late, wave 2 5 s, wave 3 2.4 s). From the bound the next wave follows up in steps of an eightieth,
     * and what it finds replaces the bound instead of being averaged with it.
     */
    private final Map<JobKind, Boolean> bounded = new EnumMap<>(JobKind.class);
    /**
     * For a bounded kind: the earliest a render of the bounding wave was found done. The next wave polls the interval
     * from the bound to it in {@value #BOUND_STEPS} steps, not in follow-up steps: in steps of an eightieth the 20 s
     * stand-in's second wave paid 11 bulk rounds to cross the 3 s the first wave's last gap left open.
     */
    private final Map<JobKind, Double> boundedAbove = new EnumMap<>(JobKind.class);
    /**
     * The step of the last crossing of a bound: the crossing wave's first render found ends the bound, and its other
     * renders, found a step after their last poll too, measure it as well (they were averaged in as wide gaps).
     */
    private final Map<JobKind, Long> crossedInSteps = new EnumMap<>(JobKind.class);

    private final EnginePolicy policy;
    private final Backoff backoff;

    RenderTimes(EnginePolicy policy, Backoff backoff) {
        this.policy = policy;
        this.backoff = backoff;
    }

    /** Learns from a render found finished at {@code now} by a poll of {@code job} (as it was before that poll). */
    synchronized void finished(Job job, Instant now) {
        if (overdue(job, now)) return;
        renderStart(job).ifPresent(start -> {
            double took = Math.max(0, Duration.between(start, now).toMillis());
            Double expected = averageMillis.get(job.kind());
            double sample;
            boolean polledWhileRunning = job.polls() > 0 && job.updatedAt().isAfter(start);
            long between = Duration.between(job.updatedAt(), now).toMillis();
            // polls a step across the interval a bound left open measure it as well as follow-ups do
            long crossingStep = boundedAbove.containsKey(job.kind())
                    ? step(job.kind(), expected == null ? 0 : expected).toMillis()
                    : crossedInSteps.getOrDefault(job.kind(), 0L);
            boolean crossing = polledWhileRunning && expected != null && between <= 2 * crossingStep;
            if (polledWhileRunning && (crossing || !polledOnTheWay(job, start, expected))) {
                long lastSeenRunning = Duration.between(start, job.updatedAt()).toMillis();
                boolean onlyBounded = expected == null || bounded.getOrDefault(job.kind(), false);
                boolean wide = !crossing
                        && between > WIDE_STEPS * followUpStep(lastSeenRunning).toMillis();
                if (wide && onlyBounded) {
                    // wide: only bounded from below (the wave's other renders raise the bound, never average it)
                    averageMillis.put(job.kind(), Math.max(expected == null ? 0 : expected, lastSeenRunning));
                    bounded.put(job.kind(), true);
                    boundedAbove.merge(job.kind(), took, Math::min);
                    crossedInSteps.remove(job.kind());
                    measured.put(job.kind(), false);
                    return;
                }
                if (wide) {
                    // a wide gap after a measurement only says the render took between its two polls: the estimate
                    // moves only if it is outside them (the 10 s stand-in with a 502: a first wave's renders found
                    // 2.5 s after their last poll, averaged in as midpoints, put every later wave 1.7 s late)
                    if (lastSeenRunning > expected) averageMillis.put(job.kind(), (double) lastSeenRunning);
                    else if (took < expected) averageMillis.put(job.kind(), took);
                    return;
                }
                // between two polls: their midpoint; across a bound's steps (a third of the interval, seconds at
                // 60 s) a third of their gap before the later one: from the midpoint the 60 s stand-in's next wave
                // polled 2.4 s early and paid four bulk rounds; from a follow-up step before it every wave was
                // found 2 s late (a miss costs requests, lateness costs the account's time: both budgets are tight)
                sample = crossing
                        ? took - Math.max(followUpStep(expected).toMillis(), between / 3)
                        : (lastSeenRunning + took) / 2;
                firstPollHits.put(job.kind(), 0);
                // polls up to four follow-up steps apart measure it; the no-history schedule's wide gaps only bound it
                measured.put(
                        job.kind(),
                        crossing
                                || expected != null
                                        && between
                                                <= MEASURING_STEPS
                                                        * followUpStep(expected).toMillis());
            } else {
                if (expected == null) measured.put(job.kind(), false);
                // found well past the usual time by a poll made after a wide gap (a poll on the way, then one late):
                // it finished at most then, which says nothing the estimate does not already say
                if (expected != null
                        && !bounded.getOrDefault(job.kind(), false)
                        && took > expected + WIDE_STEPS * followUpStep(expected).toMillis()) return;
                sample = took
                        - (expected == null
                                ? 0
                                : stepsBelowBound(job.kind())
                                        * followUpStep(expected).toMillis());
            }
            if (bounded.getOrDefault(job.kind(), false)) {
                if (job.polls() == 0 && boundedAbove.containsKey(job.kind())) {
                    // found at its first poll, a step past the bound: the bound holds, the interval above it narrows
                    // (its midpoint, taken as measured, sent the 20 s stand-in's next wave polling a second early)
                    boundedAbove.merge(job.kind(), took, Math::min);
                    return;
                }
                // the estimate was a lower bound: a render found at its first poll is bounded from above too
                averageMillis.put(job.kind(), job.polls() > 0 ? sample : (expected + took) / 2);
                bounded.put(job.kind(), false);
                Double above = boundedAbove.remove(job.kind());
                if (above != null)
                    crossedInSteps.put(job.kind(), step(above, expected).toMillis());
                return;
            }
            averageMillis.merge(job.kind(), sample, (old, fresh) -> old + WEIGHT * (fresh - old));
        });
    }

    /**
     * Learns, at start-up, from a render an earlier process found finished at {@code foundAt}: a restart otherwise
     * forgot every render time, and polled the renders it resumed as a first wave without history (the kill-and-re-run
     * stand-in: found up to 15 % of a render late, then a wave crossing the bound). The earliest such finish of a
     * kind is its estimate, an upper bound like a first-poll hit, which the renders this process finds refine. Called
     * before any step runs.
     */
    synchronized void recall(Job job, Instant foundAt) {
        renderStart(job).ifPresent(start -> {
            double took = Duration.between(start, foundAt).toMillis();
            if (took <= 0) return;
            averageMillis.merge(job.kind(), took, Math::min);
            measured.put(job.kind(), false);
            bounded.put(job.kind(), false);
            boundedAbove.remove(job.kind());
            crossedInSteps.remove(job.kind());
        });
    }

    /**
     * Whether {@code job}'s last poll (it found the render running) was made on the way, well before its usual
     * finish: a render longer than the longest wait (60 s renders, 30 s waits) is polled once or more before it.
     * Then the poll that found it done was its first at the usual time (a bound, as a first-poll hit), not a
     * follow-up; taking the midpoint of that 30 s gap as a measurement halved the estimate every other wave in
     * the 60 s stand-in (ten follow-ups per render in those waves).
     */
    private boolean polledOnTheWay(Job job, Instant start, Double expected) {
        if (expected == null) return false;
        long usualFrom = Math.round(expected) - 2 * followUpStep(expected).toMillis();
        return job.updatedAt().isBefore(start.plusMillis(usualFrom));
    }

    /**
     * A poll made long after it was due (a restart, a stopped worker, a scheduler backlog) finds a render that may
     * have finished any time before: learning that bound as its duration once made the next wave's first poll wait
     * for the whole outage (found by the kill-and-re-run stand-in). Overdue: later than a tenth of the render
     * so far, and at least a second, past the poll's due time.
     */
    private boolean overdue(Job job, Instant now) {
        Optional<Instant> start = renderStart(job);
        if (job.nextRunAt() == null || start.isEmpty()) return false;
        long late = Duration.between(job.nextRunAt(), now).toMillis();
        return late > Math.max(1000, Duration.between(start.get(), now).toMillis() / 10);
    }

    /**
     * How far below its bound to put a sample found at the first poll (the first poll lands a step or so after the
     * estimate, grid included). An estimate only bounded so far may be far too high: three steps, doubling every
     * five such samples in a row (about a wave), so it comes down in a few waves. A measured one is about right:
     * one step (about where the render finished), doubling every twenty in a row, so it holds for about four waves
     * before it dips until a follow-up measures again — each dip costs a wave's reads a miss (the stand-in at 10 s,
     * load 20: with three steps every other wave's first polls came early; with ten in a row, the eighth).
     */
    private long stepsBelowBound(JobKind kind) {
        int hits = firstPollHits.merge(kind, 1, Integer::sum) - 1;
        return measured.getOrDefault(kind, false) ? 1L << Math.min(hits / 20, 4) : 3L << Math.min(hits / 5, 4);
    }

    /**
     * Whether {@code job}'s poll at {@code now} is its first at or after its usual finish, a time measured between
     * two close polls: then its render is expected done and read alone, status and URLs in one request (see
     * {@link StatusReads}). Not a poll before it (a render longer than the longest wait is polled on the way,
     * found by the 60 s stand-in), nor a follow-up after such a read found it running; and after a wave without
     * history (a wide interval's midpoint) the next wave's reads go in bulk rounds.
     */
    synchronized boolean expectsDone(Job job, Instant now) {
        Double expected = averageMillis.get(job.kind());
        Optional<Instant> start = renderStart(job);
        if (expected == null || start.isEmpty() || !measured.getOrDefault(job.kind(), false)) return false;
        Instant usual = start.get().plusMillis(Math.round(expected));
        return !now.isBefore(usual) && (job.polls() == 0 || job.updatedAt().isBefore(usual));
    }

    /** The wait before the first poll of a render accepted at {@code now}. */
    synchronized Duration firstPoll(Job job, Instant now) {
        Double expected = averageMillis.get(job.kind());
        if (expected == null) return policy.pollInitial();
        return onGrid(now, untilUsual(job.kind(), Duration.ofMillis(firstPollAt(job.kind(), expected))), expected);
    }

    /**
     * From when {@code job}'s render may be done, so reads made for others carry it: two follow-up steps before its
     * usual time; at once with no history (renders of the first wave are read together anyway).
     */
    synchronized Instant mayBeDone(Job job) {
        Double expected = averageMillis.get(job.kind());
        Optional<Instant> start = renderStart(job);
        if (expected == null || start.isEmpty()) return Instant.MIN;
        return start.get()
                .plusMillis(Math.round(expected) - 2 * followUpStep(expected).toMillis());
    }

    /** The wait before the next poll of a render still running at {@code now}. */
    synchronized Duration nextPoll(Job job, Instant now) {
        Double expected = averageMillis.get(job.kind());
        Optional<Instant> start = renderStart(job);
        if (expected == null || start.isEmpty()) return withoutHistory(job, now);
        long elapsed = Duration.between(start.get(), now).toMillis();
        long remaining = firstPollAt(job.kind(), expected) - elapsed;
        if (remaining > 0) return onGrid(now, untilUsual(job.kind(), Duration.ofMillis(remaining)), expected);
        Duration step = step(job.kind(), expected);
        int followUps = (int) (-remaining / step.toMillis());
        // no jitter while following up: renders of one wave should be read at the same instants, in one request
        // (half a step, then the next grid instant: a step that ran a little late does not skip a beat)
        if (boundedAbove.containsKey(job.kind()) && followUps < BOUND_STEPS) {
            // across the interval the bound left open: the next of its steps, counted from the first poll
            return onGrid(now, Duration.ofMillis((followUps + 1) * step.toMillis() + remaining), expected);
        }
        if (followUps < FOLLOW_UPS_BEFORE_BACKOFF) return onGrid(now, step.dividedBy(2), expected);
        return backoff.delay(step, policy.pollMax(), policy.pollMultiplier(), followUps - FOLLOW_UPS_BEFORE_BACKOFF);
    }

    /**
     * 2 s, then 4, 6, 8, 10, 12, 14, 16.5, 19, 22, 25.5, 29.5, 34, 47.5, 66.5 … s into the render (by default):
     * each wait a share of the render so far, up to the maximum, on a half-second grid so a wave's polls coincide.
     */
    private Duration withoutHistory(Job job, Instant now) {
        Optional<Instant> start = renderStart(job);
        double wait;
        if (start.isPresent()) {
            Duration elapsed = Duration.between(start.get(), now);
            double share = elapsed.compareTo(NO_HISTORY_LONG) > 0 ? NO_HISTORY_LONG_SHARE : NO_HISTORY_SHARE;
            wait = Math.max(policy.pollInitial().toMillis(), elapsed.toMillis() * share);
        } else {
            wait = policy.pollInitial().toMillis() * Math.pow(NO_HISTORY_GROWTH, Math.min(job.polls(), 60));
        }
        long millis = Math.min(Math.round(wait), policy.pollMax().toMillis());
        long due = now.toEpochMilli() + millis;
        // the nearest grid instant, not the next: a step runs some milliseconds after its instant, and rounding up
        // made every 2 s wait 2.5 s (the 10 s stand-in's first wave found 1.9 s late)
        long aligned = Math.floorDiv(due + NO_HISTORY_GRID_MILLIS / 2, NO_HISTORY_GRID_MILLIS) * NO_HISTORY_GRID_MILLIS;
        return Duration.ofMillis(Math.max(aligned - now.toEpochMilli(), MIN_POLL.toMillis()));
    }

    /** Milliseconds into a render of {@code kind} to poll it first: a step past the usual time. */
    private long firstPollAt(JobKind kind, double expected) {
        if (boundedAbove.containsKey(kind))
            return Math.round(expected) + step(kind, expected).toMillis();
        return Math.round(expected * FIRST_POLL_AT);
    }

    /** Between follow-ups: a follow-up step, or a share of the interval a bound left open. */
    private Duration step(JobKind kind, double expected) {
        Double above = boundedAbove.get(kind);
        return above == null ? followUpStep(expected) : step(above, expected);
    }

    /** A share of the interval from a lower bound to {@code above}, at least a follow-up step. */
    private Duration step(double above, double expected) {
        Duration step = followUpStep(expected);
        Duration across = Duration.ofMillis(Math.round((above - expected) / BOUND_STEPS));
        return across.compareTo(step) > 0 ? across : step;
    }

    private Duration followUpStep(double expectedMillis) {
        return clamp(Duration.ofMillis(Math.round(expectedMillis / FOLLOW_UPS_PER_RENDER)));
    }

    /**
     * {@code from + wait}, moved up to the next multiple of the follow-up step (counted from the epoch): renders
     * accepted a few milliseconds apart are then due at the same instant and their reads share a bulk request.
     */
    private Duration onGrid(Instant from, Duration wait, double expectedMillis) {
        long grid = followUpStep(expectedMillis).toMillis();
        long due = from.toEpochMilli() + wait.toMillis();
        long aligned = Math.floorDiv(due + grid - 1, grid) * grid;
        // a grid step near the longest wait (half-hour renders) must not push a poll past it
        long max = policy.pollMax().toMillis();
        if (wait.toMillis() <= max && aligned - from.toEpochMilli() > max) return wait;
        return Duration.ofMillis(aligned - from.toEpochMilli());
    }

    /** A render's deadline is its start plus the render timeout (set when it was accepted or polled again). */
    private Optional<Instant> renderStart(Job job) {
        return Optional.ofNullable(job.deadline()).map(deadline -> deadline.minus(policy.renderTimeout()));
    }

    /**
     * The wait until a render's usual finish. A measured usual time may be waited for up to {@value
     * #MEASURED_WAIT_LIMIT} times the longest wait: a poll on the way (60 s renders, 30 s waits) only finds it
     * running — one request a video, the largest share of the 60 s stand-in's after the on-the-way fix (2.40 a
     * video). So may a lower bound (the 60 s stand-in's second wave polled at 30 s for nothing). An estimate neither
     * measured nor bounded keeps the longest wait, so a wrong one costs at most that.
     */
    private Duration untilUsual(JobKind kind, Duration wait) {
        // a lower bound is as sure as a measurement that nothing finishes before it
        if (!measured.getOrDefault(kind, false) && !bounded.getOrDefault(kind, false)) return clamp(wait);
        Duration limit = policy.pollMax().multipliedBy(MEASURED_WAIT_LIMIT);
        return wait.compareTo(limit) > 0 ? limit : wait.compareTo(MIN_POLL) < 0 ? MIN_POLL : wait;
    }

    private Duration clamp(Duration wait) {
        if (wait.compareTo(MIN_POLL) < 0) return MIN_POLL;
        return wait.compareTo(policy.pollMax()) > 0 ? policy.pollMax() : wait;
    }
}
