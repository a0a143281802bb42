package dev.avatarkit.core.domain;

/**
 * How often a {@link Job} was tried: {@code attempts} to submit, user {@code retries} (see {@link Job#requeued}),
 * and {@code polls} in the current state (restarted on each state change).
 */
public record JobCounters(int attempts, int retries, int polls) {
    public static final JobCounters ZERO = new JobCounters(0, 0, 0);

    public JobCounters nextAttempt() {
        return new JobCounters(attempts + 1, retries, polls);
    }

    public JobCounters nextPoll() {
        return new JobCounters(attempts, retries, polls + 1);
    }

    public JobCounters pollsRestarted() {
        return new JobCounters(attempts, retries, 0);
    }

    /** A user retry: one more retry, polls restarted, attempts kept. */
    public JobCounters nextRetry() {
        return new JobCounters(attempts, retries + 1, 0);
    }
}
