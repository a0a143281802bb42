package dev.avatarkit.core.domain;

import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Optional;

/**
 * One unit of paid work and everything we know about it. Immutable: every change is a {@code with…} copy,
 * written back through {@code JobStore.update}, which checks {@link #version()} (optimistic locking).
 *
 * <p>Fields come in groups, so a change touches one group: {@link JobRender} (the provider's side),
 * {@link JobCounters}, {@link JobTimes}, {@link JobOutcome} and {@link JobLineage}; each field keeps its own
 * accessor here ({@link #providerRef()}, {@link #attempts()}, {@link #createdAt()}…). The groups are never null.
 *
 * <p>Nullable fields: {@code providerRef} (until the provider accepted the job), {@code rawStatus},
 * {@code nextRunAt}, {@code deadline}, {@code error}, {@code warning}, {@code batchId}, {@code parentId}.
 */
public record Job(
        JobId id,
        JobKind kind,
        IdempotencyKey idempotencyKey,
        JobSpec spec,
        String provider,
        JobState state,
        JobRender render,
        JobCounters counters,
        JobTimes times,
        JobOutcome outcome,
        JobLineage lineage,
        long version) {

    public Job {
        Require.nonNull(id, "id");
        Require.nonNull(kind, "kind");
        Require.nonNull(idempotencyKey, "idempotencyKey");
        Require.nonNull(spec, "spec");
        Require.nonBlank(provider, "provider");
        Require.nonNull(state, "state");
        Require.nonNull(render, "render");
        Require.nonNull(counters, "counters");
        Require.nonNull(times, "times");
        Require.nonNull(outcome, "outcome");
        Require.nonNull(lineage, "lineage");
        Require.that(spec.kind() == kind, "kind", "job kind " + kind + " does not match its spec " + spec.kind());
    }

    /** A fresh job in {@link JobState#QUEUED}, not yet stored. */
    public static Job queued(
            JobId id, IdempotencyKey key, JobSpec spec, String provider, Instant now, BatchId batchId, JobId parentId) {
        return new Job(
                id,
                spec.kind(),
                key,
                spec,
                provider,
                JobState.QUEUED,
                JobRender.NONE,
                JobCounters.ZERO,
                JobTimes.created(now),
                JobOutcome.NONE,
                new JobLineage(batchId, parentId),
                0);
    }

    public ProviderRef providerRef() {
        return render.providerRef();
    }

    public String rawStatus() {
        return render.rawStatus();
    }

    public int attempts() {
        return counters.attempts();
    }

    public int retries() {
        return counters.retries();
    }

    public int polls() {
        return counters.polls();
    }

    public Instant createdAt() {
        return times.createdAt();
    }

    public Instant updatedAt() {
        return times.updatedAt();
    }

    public Instant nextRunAt() {
        return times.nextRunAt();
    }

    public Instant deadline() {
        return times.deadline();
    }

    public JobError error() {
        return outcome.error();
    }

    public JobError warning() {
        return outcome.warning();
    }

    public List<StoredAsset> assets() {
        return outcome.assets();
    }

    public BatchId batchId() {
        return lineage.batchId();
    }

    public JobId parentId() {
        return lineage.parentId();
    }

    /** The provider and dialect that accepted (or will accept) this job; see {@link ProviderRoute}. */
    public ProviderRoute route() {
        return ProviderRoute.parse(provider);
    }

    public Optional<ProviderRef> provided() {
        return Optional.ofNullable(providerRef());
    }

    public String title() {
        return spec.title();
    }

    public Job withState(JobState newState, Instant now) {
        return copy(newState, render, counters, times.touched(now), outcome);
    }

    /** Moves to {@code newState} and restarts the per-state poll/attempt counter. */
    public Job entering(JobState newState, Instant now) {
        return copy(newState, render, counters.pollsRestarted(), times.scheduled(now, now), outcome);
    }

    /** Back to polling an accepted render with a new deadline (retry after {@code render_timeout}). */
    public Job pollingAgain(Instant now, Instant newDeadline) {
        return copy(
                JobState.RENDERING,
                render,
                counters.pollsRestarted(),
                times.scheduled(now, now, newDeadline),
                outcome.withError(null));
    }

    public Job submitting(Instant now) {
        return copy(JobState.SUBMITTING, render, counters.nextAttempt(), times.touched(now), outcome.withError(null));
    }

    /**
     * A create whose outcome is not known: its render may have started as early as {@code sentAt}, so its deadline
     * counts from then ({@code renderTimeout} later). Kept through resends, which cannot have started it earlier.
     */
    public Job createInDoubt(Instant sentAt, Duration renderTimeout, Instant now) {
        Instant renderDeadline = deadline() != null ? deadline() : sentAt.plus(renderTimeout);
        return copy(state, render, counters, times.scheduled(now, times.nextRunAt(), renderDeadline), outcome);
    }

    public Job rendering(ProviderRef ref, String raw, Instant now, Instant nextPoll, Instant renderDeadline) {
        return copy(
                JobState.RENDERING,
                new JobRender(ref, raw),
                counters.pollsRestarted(),
                times.scheduled(now, nextPoll, renderDeadline),
                outcome.withError(null));
    }

    /** The same render under the provider's next ref (a multi-step create moved on; see {@code RenderStatus#successor}). */
    public Job withProviderRef(ProviderRef ref, Instant now) {
        return copy(
                state,
                render.withProviderRef(Require.nonNull(ref, "providerRef")),
                counters,
                times.touched(now),
                outcome);
    }

    public Job polled(String raw, Instant now, Instant nextPoll) {
        return copy(state, render.withRawStatus(raw), counters.nextPoll(), times.scheduled(now, nextPoll), outcome);
    }

    public Job rescheduled(Instant now, Instant next) {
        return copy(state, render, counters, times.scheduled(now, next), outcome);
    }

    public Job failed(JobState terminal, JobError why, Instant now) {
        return copy(terminal, render, counters, times.scheduled(now, null), outcome.withError(why));
    }

    public Job withWarning(JobError newWarning, Instant now) {
        return copy(state, render, counters, times.touched(now), outcome.withWarning(newWarning));
    }

    public Job withError(JobError newError, Instant now) {
        return copy(state, render, counters, times.touched(now), outcome.withError(newError));
    }

    /** Adds (or replaces, by key) a stored asset. */
    public Job withAsset(StoredAsset asset, Instant now) {
        return copy(state, render, counters, times.touched(now), outcome.withAsset(asset));
    }

    public Optional<StoredAsset> asset(AssetKind assetKind) {
        return assets().stream().filter(a -> a.kind() == assetKind).findFirst();
    }

    /**
     * Back to the queue for a new render (used by {@code jobs retry} after a failure). The job keeps its
     * idempotency key (its identity: re-running a batch finds it by key) but sends a new one to the provider,
     * see {@link #providerKey()}, because a provider replays the original answer for a reused key.
     */
    public Job requeued(Instant now) {
        return copy(
                JobState.QUEUED,
                JobRender.NONE,
                counters.nextRetry(),
                times.scheduled(now, now, null),
                JobOutcome.NONE);
    }

    /** The key sent to the provider for this render: the job's key, suffixed after each user retry. */
    public IdempotencyKey providerKey() {
        return retries() == 0 ? idempotencyKey : new IdempotencyKey(idempotencyKey.value() + "-r" + retries());
    }

    /** The copy the store hands back after a successful write. */
    public Job withVersion(long newVersion) {
        return new Job(
                id, kind, idempotencyKey, spec, provider, state, render, counters, times, outcome, lineage, newVersion);
    }

    /** This job with its changing parts replaced; identity, lineage and version stay. */
    private Job copy(
            JobState newState, JobRender newRender, JobCounters newCounters, JobTimes newTimes, JobOutcome newOutcome) {
        return new Job(
                id,
                kind,
                idempotencyKey,
                spec,
                provider,
                newState,
                newRender,
                newCounters,
                newTimes,
                newOutcome,
                lineage,
                version);
    }
}
