package dev.avatarkit.core.engine;

import dev.avatarkit.core.domain.AssetKey;
import dev.avatarkit.core.domain.AssetKind;
import dev.avatarkit.core.domain.Job;
import dev.avatarkit.core.domain.JobError;
import dev.avatarkit.core.domain.JobKind;
import dev.avatarkit.core.domain.JobState;
import dev.avatarkit.core.domain.StoredAsset;
import dev.avatarkit.core.port.AssetStore;
import dev.avatarkit.core.port.ProviderException;
import dev.avatarkit.core.port.PutOptions;
import dev.avatarkit.core.port.RenderStatus;
import dev.avatarkit.core.port.ResultFile;
import dev.avatarkit.core.port.StorageException;
import dev.avatarkit.core.port.StoredObject;
import dev.avatarkit.core.retry.Backoff;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.time.Instant;

/**
 * DOWNLOADING: copies every result file into the store, streamed, one asset at a time, recording each in the job
 * as soon as it is stored (so a restart only fetches what is missing). URLs come from a status read made just
 * before (fresh); the provider port refreshes them on expiry and resumes dropped transfers.
 */
final class DownloadStep {
    private final JobWrites writes;
    private final Renderers renderers;
    private final AssetStore assets;
    private final EnginePolicy policy;
    private final Backoff backoff;

    DownloadStep(JobWrites writes, Renderers renderers, AssetStore assets, EnginePolicy policy, Backoff backoff) {
        this.writes = writes;
        this.renderers = renderers;
        this.assets = assets;
        this.policy = policy;
        this.backoff = backoff;
    }

    /** @param fresh a status read just now, or null to read one */
    Instant run(Job job, RenderStatus fresh) {
        try {
            // a poll's status may come from a bulk read without URLs: then read this render alone
            RenderStatus status = fresh != null && !fresh.results().isEmpty() ? fresh : renderers.freshStatus(job);
            // a render that finished with an error attached (e.g. watermarked) says so in the full read only
            if (status.warning() != null && job.warning() == null) {
                job = writes.save(
                        job.withWarning(status.warning(), writes.clock().instant()));
            }
            ResultFile main = status.result(mainKind(job)).orElse(null);
            if (main == null)
                return retryLater(
                        job,
                        "the provider reported the render finished but gave no "
                                + mainKind(job).name().toLowerCase() + " URL");
            for (ResultFile file : status.results()) {
                job = store(job, file);
            }
            writes.hooks().beforeSuccess(job);
            writes.save(job.withState(JobState.SUCCEEDED, writes.clock().instant())
                    .rescheduled(writes.clock().instant(), null));
            return null;
        } catch (ProviderException | StorageException | UncheckedIOException e) {
            return retryLater(job, e.getMessage());
        }
    }

    private Job store(Job job, ResultFile file) {
        AssetKey key = AssetKeys.forResult(job, file.kind());
        boolean alreadyStored = job.assets().stream().anyMatch(a -> a.key().equals(key));
        if (alreadyStored) return job;
        StoredObject stored;
        try (InputStream in = renderers.download(job, file)) {
            stored = assets.put(key, in, new PutOptions(file.kind().defaultContentType(), job.id()));
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        Instant now = writes.clock().instant();
        StoredAsset asset = new StoredAsset(
                file.kind(), key, stored.uri(), stored.size(), stored.sha256(), stored.contentType(), now);
        return writes.save(job.withAsset(asset, now));
    }

    /** Counts attempts in {@code polls} (reset when the job entered DOWNLOADING); gives up after the policy's limit. */
    private Instant retryLater(Job job, String why) {
        Instant now = writes.clock().instant();
        int tried = job.polls() + 1;
        if (tried >= policy.downloadAttempts()) {
            writes.finish(
                    job,
                    JobState.FAILED,
                    new JobError("download_failed", why + "; a retry downloads again without re-rendering", true));
            return null;
        }
        Instant next = now.plus(backoff.delay(policy.pollInitial(), policy.pollMax(), policy.pollMultiplier(), tried));
        return writes.save(job.withError(new JobError("download_retry", why, true), now)
                        .polled(job.rawStatus(), now, next))
                .nextRunAt();
    }

    private static AssetKind mainKind(Job job) {
        return job.kind() == JobKind.STILL || job.kind() == JobKind.IDENTITY ? AssetKind.STILL : AssetKind.VIDEO;
    }
}
