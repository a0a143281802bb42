package dev.avatarkit.cli.command;

import com.google.inject.Inject;
import com.google.inject.Provider;
import dev.avatarkit.cli.app.ExitCodes;
import dev.avatarkit.cli.app.Io;
import dev.avatarkit.cli.output.Documents;
import dev.avatarkit.cli.output.Output;
import dev.avatarkit.core.domain.Job;
import dev.avatarkit.core.domain.JobId;
import dev.avatarkit.core.domain.JobNotFoundException;
import dev.avatarkit.core.domain.JobState;
import dev.avatarkit.core.domain.StoredAsset;
import dev.avatarkit.core.domain.ValidationException;
import dev.avatarkit.core.port.AssetStore;
import dev.avatarkit.core.port.JobStore;
import dev.avatarkit.core.usecase.AwaitJob;
import dev.avatarkit.runtime.Workers;
import dev.avatarkit.runtime.json.JobDocument;
import java.io.InputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;

/**
 * {@code avatarkit video download JOB}: copies a finished job's stored files to a directory (the engine already
 * downloaded them into the asset store); an unfinished job is resumed and waited for first.
 */
@Command(name = "download", description = "Copy a finished video's files (video, thumbnail…) to a directory.")
public final class VideoDownloadCommand implements Callable<Integer> {
    @Inject
    private Provider<JobStore> jobStore;

    @Inject
    private Provider<Workers> workers;

    @Inject
    private Provider<AwaitJob> awaitJob;

    @Inject
    private Provider<AssetStore> assetStore;

    @Inject
    private Output out;

    @Inject
    private Io io;

    @Parameters(paramLabel = "JOB", description = "The job id (see `avatarkit video list`).")
    String id;

    @Option(
            names = {"-o", "--out"},
            defaultValue = ".",
            paramLabel = "DIR",
            description = "Target directory (default ${DEFAULT-VALUE}, the current one).")
    String dir;

    @Option(
            names = "--timeout",
            defaultValue = "30m",
            paramLabel = "DURATION",
            description = "How long to wait for an unfinished job (default ${DEFAULT-VALUE}).")
    Duration timeout;

    @Override
    public Integer call() throws Exception {
        JobId jobId = JobId.of(id);
        Job job = jobStore.get().find(jobId).orElseThrow(() -> new JobNotFoundException(jobId));
        if (!job.state().isTerminal()) {
            workers.get().start();
            job = awaitJob.get().await(jobId, timeout, j -> {});
        }
        if (job.state() != JobState.SUCCEEDED) {
            out.progress("job " + jobId + " is " + job.state() + "; nothing to download");
            JobsCommand.print(job, out);
            return ExitCodes.forJob(job);
        }
        Path target = io.resolve(dir);
        if (Files.exists(target) && !Files.isDirectory(target))
            throw new ValidationException("out", "--out must be a directory: " + target);
        Files.createDirectories(target);
        AssetStore store = assetStore.get();
        List<String> files = new ArrayList<>();
        for (StoredAsset asset : job.assets()) {
            Path file = target.resolve(jobId.value() + "-" + asset.key().fileName());
            try (InputStream in = store.open(asset.key())) {
                Files.copy(in, file, StandardCopyOption.REPLACE_EXISTING);
            }
            files.add(file.toString());
            out.line(file + "  (" + asset.size() + " bytes, sha256 " + asset.sha256() + ")");
        }
        if (out.json()) out.document(new Documents.Download(JobDocument.of(job), files));
        return ExitCodes.OK;
    }
}
