package dev.avatarkit.core.engine;

import dev.avatarkit.core.domain.Job;
import dev.avatarkit.core.domain.JobKind;
import java.time.Duration;
import java.time.Instant;
import java.util.EnumMap;
import java.util.Map;
import java.util.Optional;

/**
 * How long renders of each kind have been taking (a moving average of finished ones), so polls land when a render
 * is likely done: fewer status calls than blind backoff, and a finished render is noticed within a few percent of
 * its duration instead of up to a whole backoff step later (which idles a concurrency slot).
 */
final class RenderTimes {
    private static final double WEIGHT = 0.2;
    private static final Duration MIN_POLL = Duration.ofMillis(100);

    private final Map<JobKind, Double> averageMillis = new EnumMap<>(JobKind.class);
    private final EnginePolicy policy;
    private final Backoff backoff;

    RenderTimes(EnginePolicy policy, Backoff backoff) {
        this.policy = policy;
        this.backoff = backoff;
    }

    synchronized void finished(Job job, Instant now) {
        renderStart(job).ifPresent(start -> {
            double took = Math.max(0, Duration.between(start, now).toMillis());
            averageMillis.merge(job.kind(), took, (old, sample) -> old + WEIGHT * (sample - old));
        });
    }

    /** The wait before the first poll of a render accepted now. */
    synchronized Duration firstPoll(Job job) {
        Double expected = averageMillis.get(job.kind());
        if (expected == null) return policy.pollInitial();
        return clamp(Duration.ofMillis(Math.round(expected * 1.05)));
    }

    /** The wait before the next poll of a render still running at {@code now}. */
    synchronized Duration nextPoll(Job job, Instant now) {
        Double expected = averageMillis.get(job.kind());
        Optional<Instant> start = renderStart(job);
        if (expected == null || start.isEmpty()) {
            return backoff.delay(policy.pollInitial(), policy.pollMax(), policy.pollMultiplier(), job.polls());
        }
        long remaining = Math.round(expected * 1.05) - Duration.between(start.get(), now).toMillis();
        if (remaining > 0) return clamp(Duration.ofMillis(remaining));
        // later than usual: look again soon, backing off from a tenth of the usual render time
        Duration step = clamp(Duration.ofMillis(Math.round(expected / 10)));
        return backoff.delay(step, policy.pollMax(), policy.pollMultiplier(), job.polls());
    }

    /** A render's deadline is its start plus the render timeout (set when it was accepted or polled again). */
    private Optional<Instant> renderStart(Job job) {
        return Optional.ofNullable(job.deadline()).map(deadline -> deadline.minus(policy.renderTimeout()));
    }

    private Duration clamp(Duration wait) {
        if (wait.compareTo(MIN_POLL) < 0) return MIN_POLL;
        return wait.compareTo(policy.pollMax()) > 0 ? policy.pollMax() : wait;
    }
}
