package dev.avatarkit.core.domain;

import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

/**
 * One unit of paid work and everything we know about it. Immutable: every change is a {@code with…} copy,
 * written back through {@code JobStore.update}, which checks {@link #version()} (optimistic locking).
 *
 * <p>Nullable fields: {@code providerRef} (until the provider accepted the job), {@code rawStatus},
 * {@code nextRunAt}, {@code deadline}, {@code error}, {@code warning}, {@code batchId}, {@code parentId}.
 */
public record Job(JobId id, JobKind kind, IdempotencyKey idempotencyKey, JobSpec spec, String provider,
                  ProviderRef providerRef, JobState state, String rawStatus, int attempts, int retries, int polls,
                  Instant createdAt, Instant updatedAt, Instant nextRunAt, Instant deadline,
                  JobError error, JobError warning, List<StoredAsset> assets, BatchId batchId, JobId parentId,
                  long version) {

    public Job {
        Require.nonNull(id, "id");
        Require.nonNull(kind, "kind");
        Require.nonNull(idempotencyKey, "idempotencyKey");
        Require.nonNull(spec, "spec");
        Require.nonBlank(provider, "provider");
        Require.nonNull(state, "state");
        Require.nonNull(createdAt, "createdAt");
        Require.nonNull(updatedAt, "updatedAt");
        Require.that(spec.kind() == kind, "kind", "job kind " + kind + " does not match its spec " + spec.kind());
        assets = assets == null ? List.of() : List.copyOf(assets);
    }

    /** A fresh job in {@link JobState#QUEUED}, not yet stored. */
    public static Job queued(JobId id, IdempotencyKey key, JobSpec spec, String provider, Instant now,
                             BatchId batchId, JobId parentId) {
        return new Job(id, spec.kind(), key, spec, provider, null, JobState.QUEUED, null, 0, 0, 0, now, now, now, null,
                null, null, List.of(), batchId, parentId, 0);
    }

    /** The provider and dialect that accepted (or will accept) this job; see {@link ProviderRoute}. */
    public ProviderRoute route() {
        return ProviderRoute.parse(provider);
    }

    public Optional<ProviderRef> provided() {
        return Optional.ofNullable(providerRef);
    }

    public String title() {
        return spec.title();
    }

    public Job withState(JobState newState, Instant now) {
        return new Job(id, kind, idempotencyKey, spec, provider, providerRef, newState, rawStatus, attempts, retries, polls,
                createdAt, now, nextRunAt, deadline, error, warning, assets, batchId, parentId, version);
    }

    /** Moves to {@code newState} and restarts the per-state poll/attempt counter. */
    public Job entering(JobState newState, Instant now) {
        return new Job(id, kind, idempotencyKey, spec, provider, providerRef, newState, rawStatus, attempts, retries, 0,
                createdAt, now, now, deadline, error, warning, assets, batchId, parentId, version);
    }

    /** Back to polling an accepted render with a new deadline (retry after {@code render_timeout}). */
    public Job pollingAgain(Instant now, Instant newDeadline) {
        return new Job(id, kind, idempotencyKey, spec, provider, providerRef, JobState.RENDERING, rawStatus, attempts,
                retries, 0, createdAt, now, now, newDeadline, null, warning, assets, batchId, parentId, version);
    }

    public Job submitting(Instant now) {
        return new Job(id, kind, idempotencyKey, spec, provider, providerRef, JobState.SUBMITTING, rawStatus,
                attempts + 1, retries, polls, createdAt, now, nextRunAt, deadline, null, warning, assets, batchId, parentId, version);
    }

    public Job rendering(ProviderRef ref, String raw, Instant now, Instant nextPoll, Instant renderDeadline) {
        return new Job(id, kind, idempotencyKey, spec, provider, ref, JobState.RENDERING, raw, attempts, retries, 0,
                createdAt, now, nextPoll, renderDeadline, null, warning, assets, batchId, parentId, version);
    }

    /** The same render under the provider's next ref (a multi-step create moved on; see {@code RenderStatus#successor}). */
    public Job withProviderRef(ProviderRef ref, Instant now) {
        return new Job(id, kind, idempotencyKey, spec, provider, Require.nonNull(ref, "providerRef"), state, rawStatus,
                attempts, retries, polls, createdAt, now, nextRunAt, deadline, error, warning, assets, batchId, parentId,
                version);
    }

    public Job polled(String raw, Instant now, Instant nextPoll) {
        return new Job(id, kind, idempotencyKey, spec, provider, providerRef, state, raw, attempts, retries, polls + 1,
                createdAt, now, nextPoll, deadline, error, warning, assets, batchId, parentId, version);
    }

    public Job rescheduled(Instant now, Instant next) {
        return new Job(id, kind, idempotencyKey, spec, provider, providerRef, state, rawStatus, attempts, retries, polls,
                createdAt, now, next, deadline, error, warning, assets, batchId, parentId, version);
    }

    public Job failed(JobState terminal, JobError why, Instant now) {
        return new Job(id, kind, idempotencyKey, spec, provider, providerRef, terminal, rawStatus, attempts, retries, polls,
                createdAt, now, null, deadline, why, warning, assets, batchId, parentId, version);
    }

    public Job withWarning(JobError newWarning, Instant now) {
        return new Job(id, kind, idempotencyKey, spec, provider, providerRef, state, rawStatus, attempts, retries, polls,
                createdAt, now, nextRunAt, deadline, error, newWarning, assets, batchId, parentId, version);
    }

    public Job withError(JobError newError, Instant now) {
        return new Job(id, kind, idempotencyKey, spec, provider, providerRef, state, rawStatus, attempts, retries, polls,
                createdAt, now, nextRunAt, deadline, newError, warning, assets, batchId, parentId, version);
    }

    /** Adds (or replaces, by key) a stored asset. */
    public Job withAsset(StoredAsset asset, Instant now) {
        List<StoredAsset> next = new ArrayList<>();
        for (StoredAsset existing : assets) {
            if (!existing.key().equals(asset.key())) next.add(existing);
        }
        next.add(asset);
        return new Job(id, kind, idempotencyKey, spec, provider, providerRef, state, rawStatus, attempts, retries, polls,
                createdAt, now, nextRunAt, deadline, error, warning, next, batchId, parentId, version);
    }

    public Optional<StoredAsset> asset(AssetKind assetKind) {
        return assets.stream().filter(a -> a.kind() == assetKind).findFirst();
    }

    /**
     * Back to the queue for a new render (used by {@code jobs retry} after a failure). The job keeps its
     * idempotency key (its identity: re-running a batch finds it by key) but sends a new one to the provider,
     * see {@link #providerKey()}, because a provider replays the original answer for a reused key.
     */
    public Job requeued(Instant now) {
        return new Job(id, kind, idempotencyKey, spec, provider, null, JobState.QUEUED, null, attempts, retries + 1, 0,
                createdAt, now, now, null, null, null, List.of(), batchId, parentId, version);
    }

    /** The key sent to the provider for this render: the job's key, suffixed after each user retry. */
    public IdempotencyKey providerKey() {
        return retries == 0 ? idempotencyKey : new IdempotencyKey(idempotencyKey.value() + "-r" + retries);
    }

    /** The copy the store hands back after a successful write. */
    public Job withVersion(long newVersion) {
        return new Job(id, kind, idempotencyKey, spec, provider, providerRef, state, rawStatus, attempts, retries, polls,
                createdAt, updatedAt, nextRunAt, deadline, error, warning, assets, batchId, parentId, newVersion);
    }
}
