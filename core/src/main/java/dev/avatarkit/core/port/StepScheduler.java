package dev.avatarkit.core.port;

import dev.avatarkit.core.domain.JobId;
import java.time.Instant;
import java.util.List;

/**
 * Runs the job engine's next step for a job at a given time, durably where the implementation is durable
 * (db-scheduler over the job database) or in-process (tests, embedded library use).
 *
 * <p>Contract: at most one pending step per job; scheduling again replaces the pending time. A step that throws
 * is retried later; a process that dies mid-step has the step revived by another (or the next) process.
 */
public interface StepScheduler {
    void schedule(JobId id, Instant at);

    /**
     * The first step of new jobs (none has a pending step yet), all at {@code at}: a durable scheduler can store
     * them in one write where {@link #schedule} costs one each (a batch of thousands of rows). This default
     * schedules them one by one.
     */
    default void scheduleNew(List<JobId> ids, Instant at) {
        for (JobId id : ids) schedule(id, at);
    }
}
