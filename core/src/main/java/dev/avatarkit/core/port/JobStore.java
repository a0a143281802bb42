package dev.avatarkit.core.port;

import dev.avatarkit.core.domain.BatchId;
import dev.avatarkit.core.domain.IdempotencyKey;
import dev.avatarkit.core.domain.Job;
import dev.avatarkit.core.domain.JobId;
import dev.avatarkit.core.domain.JobState;
import dev.avatarkit.core.domain.JobTransition;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * Durable job records. Every write is committed before the method returns (write-before-call depends on it).
 *
 * <p>Contract (checked by {@code JobStoreContract} for every implementation):
 * <ul>
 *   <li>{@link #insert}: unique by idempotency key. If a job with the key exists, nothing is written and the
 *   existing job comes back with {@code created = false}. A new job is stored with version 1.</li>
 *   <li>{@link #insertAll}: the same for each job, in order, with one answer per job (a key repeated in the list
 *   finds the first). A store with transactions commits them together or not at all (the JDBC store does); the
 *   default inserts them one by one.</li>
 *   <li>{@link #update}: compare-and-set on {@link Job#version()}: writes only if the stored version equals it,
 *   returns the job with version + 1; otherwise throws {@link StaleJobException} and writes nothing. The id,
 *   kind, idempotency key and created time never change.</li>
 *   <li>{@link #find} of an unknown id: empty.</li>
 *   <li>{@link #history}: a created job has one {@link JobTransition}; an update appends one, in the same commit,
 *   only when state, raw status or error changed (a poll that changes nothing appends nothing). At most
 *   {@link JobTransition#MAX_PER_JOB} are kept: past that the oldest entry after the first is dropped.</li>
 * </ul>
 */
public interface JobStore {
    Insertion insert(Job job);

    /**
     * {@link #insert} of each job, in order, committed together: a batch of thousands of rows costs one commit
     * instead of one each (SQLite forces every commit to disk, ~10 ms here, and holds its one write lock meanwhile,
     * so a 40-row batch's first create waited ~0.5 s behind the other 39 inserts). This default inserts one by one.
     */
    default List<Insertion> insertAll(List<Job> jobs) {
        return jobs.stream().map(this::insert).toList();
    }

    Job update(Job job);

    Optional<Job> find(JobId id);

    Optional<Job> findByKey(IdempotencyKey key);

    /** The job's steps, oldest first; empty for an unknown id. */
    List<JobTransition> history(JobId id);

    /** Newest first, filtered, one page. */
    JobPage list(JobQuery query);

    /** Ids of every job not in a terminal state, oldest first (what resumes after a restart). */
    List<JobId> unfinished(int limit, JobId after);

    /**
     * How many jobs of {@code provider} (a provider name: every dialect of it counts, one account) are in
     * {@code state} (the concurrency gate counts SUBMITTING+RENDERING).
     */
    int count(String provider, JobState state);

    /** Per-state counts of a batch (for progress and summaries). */
    Map<JobState, Integer> countByState(BatchId batch);

    /**
     * Records that a webhook event id was seen; true only for the first call with that id (dedupe across
     * processes sharing the store).
     */
    boolean recordEventOnce(String eventId, Instant at);
}
