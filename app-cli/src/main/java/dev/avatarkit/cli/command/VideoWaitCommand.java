package dev.avatarkit.cli.command;

import com.google.inject.Inject;
import com.google.inject.Provider;
import dev.avatarkit.core.domain.Job;
import dev.avatarkit.core.domain.JobId;
import dev.avatarkit.core.domain.JobNotFoundException;
import dev.avatarkit.core.port.JobStore;
import java.time.Duration;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;

/** {@code avatarkit video wait JOB}: resumes the job here and waits for it (exit 0 done · 1 failed · 4 timeout). */
@Command(name = "wait", description = "Resume a job in this process and wait until it finishes.")
public final class VideoWaitCommand implements Callable<Integer> {
    @Inject
    private Provider<JobStore> jobStore;

    @Inject
    private JobFollower follower;

    @Parameters(paramLabel = "JOB", description = "The job id (see `avatarkit video list`).")
    String id;

    @Option(
            names = "--timeout",
            defaultValue = "30m",
            paramLabel = "DURATION",
            description = "Give up waiting after this long (default ${DEFAULT-VALUE}).")
    Duration timeout;

    @Override
    public Integer call() throws Exception {
        JobId jobId = JobId.of(id);
        Job job = jobStore.get().find(jobId).orElseThrow(() -> new JobNotFoundException(jobId));
        if (job.state().isTerminal()) return follower.report(job, true, timeout);
        return follower.follow(job, true, timeout);
    }
}
