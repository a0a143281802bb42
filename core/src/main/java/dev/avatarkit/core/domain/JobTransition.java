package dev.avatarkit.core.domain;

import java.time.Instant;
import java.util.Objects;

/**
 * One step of a job's history: when it was written, the state, the provider's own status word and the error, if any.
 * Nullable: {@code rawStatus}, {@code errorCode}, {@code errorMessage}.
 */
public record JobTransition(Instant at, JobState state, String rawStatus, String errorCode, String errorMessage) {
    /**
     * A job keeps at most this many; past it the oldest entry after the first (the creation) is dropped, so the
     * history keeps where the job started and its latest 199 steps.
     */
    public static final int MAX_PER_JOB = 200;

    public JobTransition {
        Require.nonNull(at, "at");
        Require.nonNull(state, "state");
    }

    /** The step a job stands at, timed by its {@link Job#updatedAt()}. */
    public static JobTransition of(Job job) {
        JobError error = job.error();
        return new JobTransition(
                job.updatedAt(),
                job.state(),
                job.rawStatus(),
                error == null ? null : error.code(),
                error == null ? null : error.message());
    }

    /** True when state, provider status or error differ (the time does not count: a poll that changes nothing is not a step). */
    public boolean differsFrom(JobTransition previous) {
        return previous == null
                || state != previous.state
                || !Objects.equals(rawStatus, previous.rawStatus)
                || !Objects.equals(errorCode, previous.errorCode)
                || !Objects.equals(errorMessage, previous.errorMessage);
    }
}
