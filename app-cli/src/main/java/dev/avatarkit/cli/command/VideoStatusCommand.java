package dev.avatarkit.cli.command;

import com.google.inject.Inject;
import com.google.inject.Provider;
import dev.avatarkit.cli.output.Output;
import dev.avatarkit.core.domain.JobId;
import dev.avatarkit.core.domain.JobNotFoundException;
import dev.avatarkit.core.port.JobStore;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Parameters;

/** {@code avatarkit video status JOB}: the job as stored (no provider call). */
@Command(name = "status", description = "Show a video job's state and stored files.")
public final class VideoStatusCommand implements Callable<Integer> {
    @Inject
    private Provider<JobStore> jobStore;

    @Inject
    private Output out;

    @Parameters(paramLabel = "JOB", description = "The job id (see `avatarkit video list`).")
    String id;

    @Override
    public Integer call() {
        JobId jobId = JobId.of(id);
        JobsCommand.print(jobStore.get().find(jobId).orElseThrow(() -> new JobNotFoundException(jobId)), out);
        return 0;
    }
}
