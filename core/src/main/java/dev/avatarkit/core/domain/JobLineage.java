package dev.avatarkit.core.domain;

/** Where a {@link Job} comes from: its batch and its parent job, both nullable (a job on its own has neither). */
public record JobLineage(BatchId batchId, JobId parentId) {
    public static final JobLineage NONE = new JobLineage(null, null);
}
