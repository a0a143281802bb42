package dev.avatarkit.core.usecase;

import dev.avatarkit.core.domain.Job;
import dev.avatarkit.core.domain.JobConflictException;
import dev.avatarkit.core.domain.JobError;
import dev.avatarkit.core.domain.JobId;
import dev.avatarkit.core.domain.JobKind;
import dev.avatarkit.core.domain.JobNotFoundException;
import dev.avatarkit.core.domain.JobState;
import dev.avatarkit.core.domain.ValidationException;
import dev.avatarkit.core.engine.JobEngine;
import dev.avatarkit.core.engine.JobListener;
import dev.avatarkit.core.port.JobPage;
import dev.avatarkit.core.port.JobQuery;
import dev.avatarkit.core.port.JobStore;
import dev.avatarkit.core.port.ProviderException;
import dev.avatarkit.core.spi.ProviderDirectory;
import java.time.Clock;
import java.time.Duration;

/** Read, cancel and retry jobs. Every write is compare-and-set, so it is safe beside a running engine. */
public final class ManageJobs {
    private static final Duration RENDER_AGAIN_FOR = Duration.ofHours(2);
    private final JobStore jobs;
    private final JobEngine engine;
    private final ProviderDirectory providers;
    private final Clock clock;
    private final JobListener listener;

    public ManageJobs(JobStore jobs, JobEngine engine, ProviderDirectory providers, Clock clock, JobListener listener) {
        this.jobs = jobs;
        this.engine = engine;
        this.providers = providers;
        this.clock = clock;
        this.listener = listener;
    }

    public Job get(JobId id) {
        return jobs.find(id).orElseThrow(() -> new JobNotFoundException(id));
    }

    public JobPage list(JobQuery query) {
        return jobs.list(query);
    }

    /**
     * Cancels a job that has not finished rendering. A render already accepted is deleted at the provider on a best
     * effort basis. Canceling a canceled job returns it unchanged.
     */
    public Job cancel(JobId id) {
        Job job = get(id);
        if (job.state() == JobState.CANCELED) return job;
        if (job.state().isTerminal() || job.state() == JobState.DOWNLOADING) {
            throw new JobConflictException("job " + id + " is " + job.state() + " and can no longer be canceled");
        }
        Job canceled = save(
                job.failed(JobState.CANCELED, new JobError("canceled", "canceled by user", false), clock.instant()));
        if (job.providerRef() != null && isVideo(job)) {
            try {
                // the provider that accepted the job, whatever the default is now
                providers.open(job.route()).videos().ifPresent(video -> video.cancel(job.providerRef()));
            } catch (ProviderException | ValidationException e) {
                // best effort: the job is canceled on our side either way
            }
        }
        return canceled;
    }

    /**
     * Starts a finished-but-unsuccessful job again. A render that timed out is polled again and a failed download is
     * fetched again (no new render, nothing paid twice); anything else is rendered anew under a fresh provider key.
     */
    public Job retry(JobId id) {
        Job job = get(id);
        if (!job.state().isTerminal()) {
            throw new JobConflictException("job " + id + " is " + job.state() + "; only finished jobs can be retried");
        }
        if (job.state() == JobState.SUCCEEDED) {
            throw new JobConflictException("job " + id + " already succeeded; create a new job to render again");
        }
        String code = job.error() == null ? "" : job.error().code();
        Job next;
        if (code.equals("render_timeout") && job.providerRef() != null) {
            next = job.pollingAgain(clock.instant(), clock.instant().plus(RENDER_AGAIN_FOR));
        } else if (code.equals("download_failed") && job.providerRef() != null) {
            next = job.entering(JobState.DOWNLOADING, clock.instant()).withError(null, clock.instant());
        } else {
            next = job.requeued(clock.instant());
        }
        Job saved = save(next);
        engine.kick(id);
        return saved;
    }

    private static boolean isVideo(Job job) {
        return job.kind() == JobKind.VIDEO || job.kind() == JobKind.TEMPLATE_VIDEO;
    }

    private Job save(Job job) {
        Job stored = jobs.update(job);
        listener.changed(stored);
        return stored;
    }
}
