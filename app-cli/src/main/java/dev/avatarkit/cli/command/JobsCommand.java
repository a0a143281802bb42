package dev.avatarkit.cli.command;

import com.google.inject.Inject;
import com.google.inject.Provider;
import dev.avatarkit.cli.output.JobView;
import dev.avatarkit.cli.output.Output;
import dev.avatarkit.core.domain.Job;
import dev.avatarkit.core.domain.JobId;
import dev.avatarkit.core.port.JobStore;
import dev.avatarkit.core.usecase.ManageJobs;
import dev.avatarkit.runtime.json.JobDocument;
import java.time.Duration;
import java.util.Set;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;

/** {@code avatarkit jobs list|show|resume|retry|cancel}. */
@Command(
        name = "jobs",
        description = "List, inspect, resume, retry and cancel jobs.",
        subcommands = {
            JobsCommand.ListJobs.class,
            JobsCommand.Show.class,
            ResumeCommand.class,
            JobsCommand.Retry.class,
            JobsCommand.Cancel.class
        })
public final class JobsCommand {

    /** Newest first, paged; reads the job database only (no engine, no provider). */
    @Command(name = "list", description = "List jobs, newest first (reads the database only).")
    public static final class ListJobs implements Callable<Integer> {
        @Inject
        private Provider<JobStore> jobStore;

        @Inject
        private Output out;

        @Mixin
        JobListing listing;

        @Override
        public Integer call() {
            return JobListing.print(jobStore.get(), listing.query(Set.of()), out);
        }
    }

    @Command(name = "show", description = "Show one job (the same document as GET /v1/jobs/{id}).")
    public static final class Show implements Callable<Integer> {
        @Inject
        private Provider<JobStore> jobStore;

        @Inject
        private Output out;

        @Parameters(paramLabel = "JOB", description = "The job id (see `avatarkit jobs list`).")
        String id;

        @Override
        public Integer call() {
            Job job = jobStore.get()
                    .find(JobId.of(id))
                    .orElseThrow(() -> new dev.avatarkit.core.domain.JobNotFoundException(JobId.of(id)));
            print(job, out);
            return 0;
        }
    }

    @Command(
            name = "retry",
            description = "Run a failed job again (a timed-out render is polled again, not paid again).")
    public static final class Retry implements Callable<Integer> {
        @Inject
        private Provider<ManageJobs> manageJobs;

        @Inject
        private JobFollower follower;

        @Parameters(
                paramLabel = "JOB",
                description = "A finished job that did not succeed: FAILED, REJECTED, CANCELED or NEEDS_ATTENTION.")
        String id;

        @Option(names = "--wait", description = "Wait until it finishes.")
        boolean wait;

        @Option(
                names = "--timeout",
                defaultValue = "30m",
                paramLabel = "DURATION",
                description = "How long --wait waits, e.g. 90s, 10m, 2h (default ${DEFAULT-VALUE}).")
        Duration timeout;

        @Override
        public Integer call() throws Exception {
            Job job = manageJobs.get().retry(JobId.of(id));
            return follower.follow(job, wait, timeout);
        }
    }

    @Command(name = "cancel", description = "Cancel a job that has not finished rendering.")
    public static final class Cancel implements Callable<Integer> {
        @Inject
        private Provider<ManageJobs> manageJobs;

        @Inject
        private Output out;

        @Parameters(
                paramLabel = "JOB",
                description =
                        "A job not yet downloading (see `avatarkit jobs list --state QUEUED,SUBMITTING,RENDERING`).")
        String id;

        @Override
        public Integer call() {
            print(manageJobs.get().cancel(JobId.of(id)), out);
            return 0;
        }
    }

    static void print(Job job, Output out) {
        if (out.json()) out.document(JobDocument.of(job));
        else JobView.describe(job).forEach(out::line);
    }
}
