package dev.avatarkit.core.engine;

import dev.avatarkit.core.domain.Job;
import dev.avatarkit.core.domain.JobError;
import dev.avatarkit.core.domain.JobState;
import dev.avatarkit.core.domain.ProviderRef;
import dev.avatarkit.core.port.NotFoundException;
import dev.avatarkit.core.port.ProviderException;
import dev.avatarkit.core.port.RateLimitedException;
import dev.avatarkit.core.port.RenderStatus;
import java.time.Duration;
import java.time.Instant;

/**
 * RENDERING: reads the provider's status with backoff until the render finishes or its deadline passes.
 * Unknown status words keep the job rendering. A finished render goes straight on to its download, in the same
 * step, while the signed URLs just read are fresh; its render slot is handed to the next queued job first.
 */
final class PollStep {
    private final JobWrites writes;
    private final Renderers renderers;
    private final DownloadStep download;
    private final EnginePolicy policy;
    private final RenderTimes renderTimes;
    private final SlotHandOff handOff;

    PollStep(
            JobWrites writes,
            Renderers renderers,
            DownloadStep download,
            EnginePolicy policy,
            RenderTimes renderTimes,
            SlotHandOff handOff) {
        this.writes = writes;
        this.renderers = renderers;
        this.download = download;
        this.policy = policy;
        this.renderTimes = renderTimes;
        this.handOff = handOff;
    }

    Instant run(Job job) {
        Instant now = writes.clock().instant();
        if (job.deadline() != null && now.isAfter(job.deadline())) {
            writes.finish(
                    job,
                    JobState.FAILED,
                    new JobError(
                            "render_timeout",
                            "the render did not finish within " + policy.renderTimeout()
                                    + "; a retry polls it again without paying again",
                            true));
            unwatch(job);
            handOff.slotFreedBy(job.id());
            return null;
        }
        RenderStatus status;
        try {
            status = read(job, now);
        } catch (NotFoundException e) {
            writes.finish(
                    job,
                    JobState.FAILED,
                    new JobError("not_found", "the provider no longer knows render " + job.providerRef(), false));
            unwatch(job);
            handOff.slotFreedBy(job.id());
            return null;
        } catch (RateLimitedException e) {
            return now.plus(e.retryAfter().isZero() ? renderTimes.nextPoll(job, now) : e.retryAfter());
        } catch (ProviderException e) {
            return now.plus(renderTimes.nextPoll(job, now));
        }
        return handle(job, status, now);
    }

    /** Acts on a status read now (or answered by the create itself, for a render that finished at once). */
    Instant handle(Job read, RenderStatus status, Instant now) {
        // a render that moved on to a new ref (legacy training → generation): stored first, the old ref is spent
        Job job = status.successor() != null && !status.successor().equals(read.providerRef())
                ? writes.save(read.withProviderRef(status.successor(), now))
                : read;
        return switch (status.phase()) {
            case PENDING, RUNNING -> {
                boolean planned = renderTimes.knows(job.kind());
                Duration delay = renderTimes.nextPoll(job, now);
                Instant next = writes.save(job.polled(status.rawStatus(), now, now.plus(delay)))
                        .nextRunAt();
                watch(job);
                // a render of the same read found done meanwhile: plan again with its time (see replanWatched)
                if (!planned && renderTimes.knows(job.kind())) handOff.runNow(job.id());
                yield next;
            }
            case SUCCEEDED -> {
                unwatch(job);
                // after the read: the render was done by then (the step's start may precede its finish)
                if (renderTimes.finished(job, writes.clock().instant())) replanWatched(job);
                Job downloading = job.polled(status.rawStatus(), now, now).entering(JobState.DOWNLOADING, now);
                if (status.warning() != null) downloading = downloading.withWarning(status.warning(), now);
                Job saved = writes.save(downloading);
                handOff.slotFreedBy(job.id());
                yield download.run(saved, status);
            }
            case FAILED -> finish(job, JobState.FAILED, status);
            case REJECTED -> finish(job, JobState.REJECTED, status);
        };
    }

    /**
     * Has reads made for other renders carry {@code job}'s from when it may be done; one found done runs its step at
     * once. From the create on: a render first polled at its expected end was carried by none, so each cost a
     * request and its wave stayed spread over the hand-offs' jitter (the 20 s stand-in: 25 reads alone).
     */
    void watch(Job job) {
        StatusReads reads = renderers.statusReads(job);
        if (reads == null) return;
        Instant until = job.deadline() != null ? job.deadline() : Instant.MAX;
        reads.watch(job.providerRef(), renderTimes.mayBeDone(job), until, () -> handOff.runNow(job.id()));
    }

    /**
     * Its status as a read for another render found it: finished (kept since), or running at or after this poll
     * was due; else read now along with others due (with the URLs when the render is expected done, so its download
     * needs no second read).
     */
    private RenderStatus read(Job job, Instant now) {
        StatusReads reads = renderers.statusReads(job);
        if (reads == null) return renderers.status(job);
        ProviderRef ref = job.providerRef();
        return reads.takeSeen(ref)
                .or(() -> reads.carriedSince(ref, job.nextRunAt()))
                .orElseGet(() -> reads.read(ref, now, renderTimes.expectsDone(job, now)));
    }

    /** The renders read along with others run their steps now, to plan their polls with the time just learned. */
    private void replanWatched(Job job) {
        StatusReads reads = renderers.statusReads(job);
        if (reads != null) reads.wakeWatched();
    }

    private void unwatch(Job job) {
        StatusReads reads = renderers.statusReads(job);
        if (reads != null && job.providerRef() != null) reads.unwatch(job.providerRef());
    }

    private Instant finish(Job job, JobState terminal, RenderStatus status) {
        unwatch(job);
        JobError why = status.failure() != null
                ? status.failure()
                : new JobError("render_failed", "the provider reported '" + status.rawStatus() + "'", false);
        writes.finish(job.polled(status.rawStatus(), writes.clock().instant(), null), terminal, why);
        handOff.slotFreedBy(job.id());
        return null;
    }
}
