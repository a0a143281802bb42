package dev.avatarkit.core.influencer;

import dev.avatarkit.core.domain.Job;
import dev.avatarkit.core.domain.JobId;
import dev.avatarkit.core.domain.JobState;
import dev.avatarkit.core.port.JobStore;
import dev.avatarkit.core.usecase.ManageJobs;
import java.util.ArrayList;
import java.util.List;

/**
 * Renders an influencer's FAILED stills again ({@code ManageJobs.retry} on each), leaving every other still alone.
 * Stills in NEEDS_ATTENTION are skipped on purpose: their look may exist at the provider, so re-rendering one is a
 * per-job decision ({@code jobs retry ID}); REJECTED (moderation) and CANCELED are left as the user or provider
 * decided. The report is rewritten when the retried stills finish.
 */
public final class RetryFailedStills {
    private final JobStore jobs;
    private final ManageJobs manage;

    public RetryFailedStills(JobStore jobs, ManageJobs manage) {
        this.jobs = jobs;
        this.manage = manage;
    }

    /** The still jobs sent back to the queue, in shot order. */
    public List<Job> retry(JobId identityId) {
        IdentityJobs.identity(jobs, identityId);
        List<Job> retried = new ArrayList<>();
        for (Job still : IdentityJobs.stills(jobs, identityId)) {
            if (still.state() == JobState.FAILED) retried.add(manage.retry(still.id()));
        }
        return retried;
    }
}
