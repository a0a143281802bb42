package dev.avatarkit.storage.scheduling;

import com.github.kagkarlsson.scheduler.task.ExecutionComplete;
import com.github.kagkarlsson.scheduler.task.ExecutionOperations;
import com.github.kagkarlsson.scheduler.task.FailureHandler;
import java.time.Duration;
import java.time.Instant;

/**
 * A step that threw runs again after 1 s, 2 s, 4 s … at most {@code max} later. db-scheduler's own exponential
 * handler has no ceiling, and a job that failed for a day must still be looked at every few minutes.
 */
final class CappedBackoff<T> implements FailureHandler<T> {
    private final Duration first;
    private final Duration max;

    CappedBackoff(Duration first, Duration max) {
        this.first = first;
        this.max = max;
    }

    @Override
    public void onFailure(ExecutionComplete complete, ExecutionOperations<T> operations) {
        operations.reschedule(complete, complete.getTimeDone().plus(delay(complete.getExecution().consecutiveFailures)));
    }

    Duration delay(int previousFailures) {
        int doublings = Math.min(previousFailures, 30);
        Duration delay = first.multipliedBy(1L << doublings);
        return delay.compareTo(max) > 0 ? max : delay;
    }

    static Instant earliest(Instant a, Instant b) {
        if (a == null) return b;
        if (b == null) return a;
        return a.isBefore(b) ? a : b;
    }
}
