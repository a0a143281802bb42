package dev.avatarkit.cli.command;

import com.google.inject.Inject;
import com.google.inject.Provider;
import dev.avatarkit.cli.app.Durations;
import dev.avatarkit.cli.app.ExitCodes;
import dev.avatarkit.cli.output.JobView;
import dev.avatarkit.cli.output.Output;
import dev.avatarkit.cli.output.StateChangeLines;
import dev.avatarkit.core.domain.Job;
import dev.avatarkit.core.domain.JobState;
import dev.avatarkit.core.port.JobStore;
import dev.avatarkit.core.usecase.AwaitJob;
import dev.avatarkit.runtime.AvatarkitConfig;
import dev.avatarkit.runtime.Workers;
import dev.avatarkit.runtime.json.JobDocument;
import java.time.Duration;
import java.time.Instant;

/**
 * Runs the engine in this process for a job just created or resumed, showing each state change. With
 * {@code --wait} until the job is finished (or the timeout passes: exit 4, the job goes on); without, until the
 * provider has accepted it, so the render is under way when the command returns.
 */
public final class JobFollower {
    static final Duration SUBMIT_WAIT = Duration.ofMinutes(2);
    private final Provider<Workers> workers;
    private final Provider<AwaitJob> awaitJob;
    private final Provider<AvatarkitConfig> config;
    private final Provider<JobStore> jobStore;
    private final Output out;
    private final StateChangeLines lines = new StateChangeLines();

    @Inject
    JobFollower(
            Provider<Workers> workers,
            Provider<AwaitJob> awaitJob,
            Provider<AvatarkitConfig> config,
            Provider<JobStore> jobStore,
            Output out) {
        this.workers = workers;
        this.awaitJob = awaitJob;
        this.config = config;
        this.jobStore = jobStore;
        this.out = out;
    }

    public int follow(Job job, boolean wait, Duration timeout) throws InterruptedException {
        workers.get().start();
        Job last = wait ? awaitJob.get().await(job.id(), timeout, this::changed) : untilSubmitted(job);
        return report(last, wait, timeout);
    }

    /** Prints the job as it is now; with {@code --wait} the exit code says how it ended. */
    public int report(Job last, boolean wait, Duration timeout) {
        if (out.json()) out.document(JobDocument.of(last));
        else JobView.describe(last).forEach(out::line);
        if (last.state().isTerminal()) {
            if (last.state() != JobState.SUCCEEDED) {
                out.progress("job " + last.id() + " ended " + last.state()
                        + (last.state() == JobState.NEEDS_ATTENTION
                                ? ": check the provider's dashboard, then `avatarkit jobs retry " + last.id()
                                        + "` or cancel it"
                                : ""));
            }
            return ExitCodes.forJob(last);
        }
        if (wait) {
            out.progress("still " + last.state() + " after " + Durations.format(timeout)
                    + "; the job goes on. Pick it up with: " + "avatarkit video wait " + last.id()
                    + "   (or: avatarkit jobs resume)");
            return ExitCodes.TIMED_OUT;
        }
        out.progress("follow it with: avatarkit " + (config.get().sandbox() ? "--sandbox " : "") + "video wait "
                + last.id());
        return ExitCodes.OK;
    }

    private Job untilSubmitted(Job job) throws InterruptedException {
        Instant deadline = Instant.now().plus(SUBMIT_WAIT);
        long seen = -1;
        Job current = job;
        while (true) {
            current = jobStore.get().find(job.id()).orElse(current);
            if (current.version() != seen) {
                seen = current.version();
                changed(current);
            }
            boolean accepted = current.state() != JobState.QUEUED && current.state() != JobState.SUBMITTING;
            if (accepted || Instant.now().isAfter(deadline)) return current;
            Thread.sleep(200);
        }
    }

    private void changed(Job job) {
        lines.next(job).ifPresent(out::progress);
    }
}
