package dev.avatarkit.storage.scheduling;

import com.github.kagkarlsson.scheduler.task.ExecutionComplete;
import com.github.kagkarlsson.scheduler.task.ExecutionOperations;
import com.github.kagkarlsson.scheduler.task.FailureHandler;
import dev.avatarkit.core.retry.Backoff;
import java.time.Duration;
import java.time.Instant;

/**
 * A step that threw runs again after 1 s, 2 s, 4 s … at most {@code max} later, on core's one {@link Backoff} curve
 * (no jitter: the scheduler's own polling spreads steps). db-scheduler's own exponential handler has no ceiling, and
 * a job that failed for a day must still be looked at every few minutes.
 */
final class FailedStepRetry<T> implements FailureHandler<T> {
    private static final Backoff CURVE = Backoff.withFactor(() -> 1.0);

    private final Duration first;
    private final Duration max;

    FailedStepRetry(Duration first, Duration max) {
        this.first = first;
        this.max = max;
    }

    @Override
    public void onFailure(ExecutionComplete complete, ExecutionOperations<T> operations) {
        operations.reschedule(
                complete, complete.getTimeDone().plus(delay(complete.getExecution().consecutiveFailures)));
    }

    Duration delay(int previousFailures) {
        return CURVE.delay(first, max, 2.0, previousFailures);
    }

    static Instant earliest(Instant a, Instant b) {
        if (a == null) return b;
        if (b == null) return a;
        return a.isBefore(b) ? a : b;
    }
}
