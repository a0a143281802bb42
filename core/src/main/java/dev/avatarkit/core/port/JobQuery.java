package dev.avatarkit.core.port;

import dev.avatarkit.core.domain.BatchId;
import dev.avatarkit.core.domain.JobId;
import dev.avatarkit.core.domain.JobKind;
import dev.avatarkit.core.domain.JobState;
import dev.avatarkit.core.domain.Require;
import java.util.Set;

/**
 * A filtered, paged job listing, newest first. Empty sets and nulls mean "any". {@code before} is the cursor:
 * the id of the last job of the previous page (ids sort by creation time).
 */
public record JobQuery(Set<JobState> states, Set<JobKind> kinds, BatchId batch, JobId parent, JobId before, int limit) {
    public JobQuery {
        states = states == null ? Set.of() : Set.copyOf(states);
        kinds = kinds == null ? Set.of() : Set.copyOf(kinds);
        Require.between(limit, 1, 1000, "limit");
    }

    public static JobQuery all(int limit) {
        return new JobQuery(Set.of(), Set.of(), null, null, null, limit);
    }

    public JobQuery after(JobId cursor) {
        return new JobQuery(states, kinds, batch, parent, cursor, limit);
    }
}
