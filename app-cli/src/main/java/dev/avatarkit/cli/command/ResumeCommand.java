package dev.avatarkit.cli.command;

import com.google.inject.Inject;
import com.google.inject.Provider;
import dev.avatarkit.cli.app.ExitCodes;
import dev.avatarkit.cli.output.Documents;
import dev.avatarkit.cli.output.Output;
import dev.avatarkit.core.domain.BatchId;
import dev.avatarkit.core.domain.Job;
import dev.avatarkit.core.domain.JobId;
import dev.avatarkit.core.domain.JobState;
import dev.avatarkit.core.port.JobStore;
import dev.avatarkit.runtime.Workers;
import java.time.Duration;
import java.util.ArrayList;
import java.util.EnumMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;

/**
 * {@code avatarkit jobs resume}: picks up everything a previous run left unfinished (Ctrl-C, kill -9, a --wait
 * that timed out) from the state it was in, and runs it to the end here. Nothing already submitted is submitted again.
 */
@Command(name = "resume", description = "Resume every unfinished job in this process and wait for them.")
public final class ResumeCommand implements Callable<Integer> {
    @Inject
    private Provider<JobStore> jobStore;

    @Inject
    private Provider<Workers> workers;

    @Inject
    private Output out;

    @Inject
    private ProgressLoop progress;

    @Option(
            names = "--batch",
            paramLabel = "ID",
            description = "Watch only this batch (every unfinished job still resumes).")
    String batch;

    @Option(
            names = "--timeout",
            defaultValue = "24h",
            paramLabel = "DURATION",
            description = "Stop watching after this long (default ${DEFAULT-VALUE}).")
    Duration timeout;

    @Override
    public Integer call() throws Exception {
        JobStore jobs = jobStore.get();
        List<JobId> tracked = batch == null ? unfinished(jobs) : List.of();
        workers.get().start();
        out.progress(batch == null ? "resuming " + tracked.size() + " unfinished job(s)" : "resuming batch " + batch);
        Map<JobState, Integer> last = progress.run(
                batch == null
                        ? () -> counts(jobs, tracked)
                        : () -> ProgressLoop.copy(jobs.countByState(new BatchId(batch))),
                ProgressLoop::allFinished,
                timeout);
        int resumed = batch == null
                ? tracked.size()
                : last.values().stream().mapToInt(Integer::intValue).sum();
        if (out.json()) out.document(new Documents.Resume(resumed, names(last)));
        else out.line(ProgressLoop.describe(last));
        if (!ProgressLoop.allFinished(last)) {
            out.progress("timed out; the jobs go on. Run `avatarkit jobs resume` again to keep going.");
            return ExitCodes.TIMED_OUT;
        }
        boolean allOk = last.entrySet().stream().allMatch(e -> e.getKey() == JobState.SUCCEEDED || e.getValue() == 0);
        return allOk ? ExitCodes.OK : ExitCodes.JOB_FAILED;
    }

    private static List<JobId> unfinished(JobStore jobs) {
        List<JobId> all = new ArrayList<>();
        JobId after = null;
        while (true) {
            List<JobId> page = jobs.unfinished(500, after);
            if (page.isEmpty()) return all;
            all.addAll(page);
            after = page.get(page.size() - 1);
        }
    }

    private static Map<JobState, Integer> counts(JobStore jobs, List<JobId> ids) {
        Map<JobState, Integer> counts = new EnumMap<>(JobState.class);
        for (JobId id : ids) {
            JobState state = jobs.find(id).map(Job::state).orElse(JobState.CANCELED);
            counts.merge(state, 1, Integer::sum);
        }
        return counts;
    }

    static Map<String, Integer> names(Map<JobState, Integer> counts) {
        Map<String, Integer> out = new LinkedHashMap<>();
        counts.forEach((state, n) -> {
            if (n > 0) out.put(state.name(), n);
        });
        return out;
    }
}
