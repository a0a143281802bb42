package dev.avatarkit.core.engine;

import dev.avatarkit.core.domain.Job;
import dev.avatarkit.core.domain.JobError;
import dev.avatarkit.core.domain.JobState;
import dev.avatarkit.core.port.JobStore;
import java.time.Clock;

/** Every engine write goes through here: compare-and-set, then listeners and terminal hooks. */
final class JobWrites {
    private final JobStore jobs;
    private final JobListener listener;
    private final JobHooks hooks;
    private final Clock clock;

    JobWrites(JobStore jobs, JobListener listener, JobHooks hooks, Clock clock) {
        this.jobs = jobs;
        this.listener = listener;
        this.hooks = hooks;
        this.clock = clock;
    }

    Job save(Job job) {
        Job stored = jobs.update(job);
        listener.changed(stored);
        if (stored.state().isTerminal()) hooks.afterFinish(stored);
        return stored;
    }

    /** Ends the job in a terminal state with a reason. */
    Job finish(Job job, JobState terminal, JobError why) {
        return save(job.failed(terminal, why, clock.instant()));
    }

    JobHooks hooks() {
        return hooks;
    }

    Clock clock() {
        return clock;
    }
}
