package dev.avatarkit.core.domain;

import java.time.Instant;

/**
 * When a {@link Job} was created and last changed, when the engine should look at it next and by when its render
 * must finish. {@code createdAt} and {@code updatedAt} are required; {@code nextRunAt} and {@code deadline} nullable.
 */
public record JobTimes(Instant createdAt, Instant updatedAt, Instant nextRunAt, Instant deadline) {

    public JobTimes {
        Require.nonNull(createdAt, "createdAt");
        Require.nonNull(updatedAt, "updatedAt");
    }

    /** A new job: due at once, no deadline yet. */
    public static JobTimes created(Instant now) {
        return new JobTimes(now, now, now, null);
    }

    /** Changed at {@code now}, schedule and deadline kept. */
    public JobTimes touched(Instant now) {
        return new JobTimes(createdAt, now, nextRunAt, deadline);
    }

    /** Changed at {@code now}, next due at {@code next} (null: not scheduled), deadline kept. */
    public JobTimes scheduled(Instant now, Instant next) {
        return new JobTimes(createdAt, now, next, deadline);
    }

    /** Changed at {@code now}, next due at {@code next}, with a new (nullable) deadline. */
    public JobTimes scheduled(Instant now, Instant next, Instant newDeadline) {
        return new JobTimes(createdAt, now, next, newDeadline);
    }
}
