package dev.avatarkit.cli.command;

import com.google.inject.Inject;
import com.google.inject.Provider;
import dev.avatarkit.cli.app.ExitCodes;
import dev.avatarkit.cli.app.GlobalOptions;
import dev.avatarkit.cli.app.Io;
import dev.avatarkit.cli.output.Documents;
import dev.avatarkit.cli.output.Output;
import dev.avatarkit.core.domain.BatchId;
import dev.avatarkit.core.domain.JobState;
import dev.avatarkit.core.domain.Require;
import dev.avatarkit.core.domain.ValidationException;
import dev.avatarkit.core.port.JobStore;
import dev.avatarkit.core.usecase.BatchRows;
import dev.avatarkit.core.usecase.TemplateBatch;
import dev.avatarkit.runtime.Workers;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.function.Supplier;

/**
 * What {@code template batch} and {@code video batch} do alike once a CSV is planned: refuse bad rows (all of them
 * listed, by line), print a dry run, or submit, watch with a progress line and end with the batch's exit code.
 */
final class BatchRun {
    static final int PREVIEW_ROWS = 20;

    @Inject
    private Provider<Workers> workers;

    @Inject
    private Provider<JobStore> jobStore;

    @Inject
    private GlobalOptions global;

    @Inject
    private Output out;

    @Inject
    private Io io;

    @Inject
    private ProgressLoop progress;

    /**
     * A planned batch as shown, whatever its kind.
     *
     * @param template the template id, null for plain videos
     * @param what     e.g. {@code template tpl_1} or {@code plain videos}
     * @param preview  the dry run's table: a header row, then one row per video
     * @param fixHeader what to say when the header itself is wrong
     */
    record Plan(
            BatchId batchId,
            String template,
            String what,
            int rows,
            List<BatchRows.RowError> errors,
            int credits,
            List<List<String>> preview,
            String fixHeader) {}

    /** Applies {@code --concurrency} before the platform is built (the engine reads the cap when it is built). */
    void configure(BatchOptions options) {
        if (options.concurrency != null) {
            Require.between(options.concurrency, 1, 100, "concurrency");
            global.capConcurrency(options.concurrency);
        }
    }

    Path csvFile(String csv) {
        Path path = io.resolve(csv);
        if (!Files.isRegularFile(path)) throw new ValidationException("csv", "--csv: no such file " + path);
        return path;
    }

    int run(Plan plan, String csv, BatchOptions options, Supplier<TemplateBatch.BatchResult> submit)
            throws InterruptedException {
        boolean headerBroken = plan.errors().stream().anyMatch(e -> e.line() == 1);
        if (!plan.errors().isEmpty() && (!options.skipInvalid || headerBroken))
            return rejected(plan, csv, headerBroken, options);
        plan.errors().forEach(e -> out.progress("skipping " + lineMessage(e)));
        if (options.dryRun) return dryRun(plan, options);
        workers.get().start();
        TemplateBatch.BatchResult result = submit.get();
        out.progress("batch " + plan.batchId() + ": " + result.created() + " new job(s), " + result.existing()
                + " already known from an earlier run (not submitted again), " + result.skipped()
                + " invalid row(s) skipped");
        JobStore jobs = jobStore.get();
        Map<JobState, Integer> last = progress.run(
                () -> ProgressLoop.copy(jobs.countByState(plan.batchId())),
                options.wait ? ProgressLoop::allFinished : ProgressLoop::allSubmitted,
                options.timeout);
        return finish(plan, result, last, options);
    }

    private int rejected(Plan plan, String csv, boolean headerBroken, BatchOptions options) {
        if (out.json()) {
            out.document(document(plan, 0, 0, Map.of(), options));
        } else {
            plan.errors().forEach(e -> out.line(lineMessage(e)));
        }
        String message = plan.errors().size() + " invalid row(s) in " + csv + "; nothing was submitted. "
                + (headerBroken ? plan.fixHeader() : "Fix them, or pass --skip-invalid to submit the valid rows only.");
        throw new ValidationException("csv", message);
    }

    private int dryRun(Plan plan, BatchOptions options) {
        if (out.json()) {
            out.document(document(plan, 0, 0, Map.of(), options));
            return ExitCodes.OK;
        }
        out.line("batch " + plan.batchId() + " (dry run): " + plan.what() + ", " + plan.rows() + " video(s), estimated "
                + plan.credits() + " credit(s); nothing submitted");
        out.table(plan.preview().subList(0, Math.min(plan.preview().size(), PREVIEW_ROWS + 1)));
        if (plan.rows() > PREVIEW_ROWS) out.line("… and " + (plan.rows() - PREVIEW_ROWS) + " more");
        return ExitCodes.OK;
    }

    private int finish(Plan plan, TemplateBatch.BatchResult result, Map<JobState, Integer> last, BatchOptions options) {
        if (out.json()) out.document(document(plan, result.created(), result.existing(), last, options));
        else out.line("batch " + plan.batchId() + ": " + ProgressLoop.describe(last));
        boolean done = options.wait ? ProgressLoop.allFinished(last) : ProgressLoop.allSubmitted(last);
        if (!done) {
            out.progress(
                    "timed out; the jobs go on. Re-run this command (nothing is submitted twice) or: avatarkit jobs resume --batch "
                            + plan.batchId());
            return ExitCodes.TIMED_OUT;
        }
        int failed = last.entrySet().stream()
                .filter(e -> e.getKey().isTerminal() && e.getKey() != JobState.SUCCEEDED)
                .mapToInt(Map.Entry::getValue)
                .sum();
        if (failed > 0)
            out.progress(failed + " job(s) did not succeed: avatarkit jobs list --batch " + plan.batchId()
                    + " --state FAILED,REJECTED,NEEDS_ATTENTION,CANCELED");
        if (!options.wait)
            out.progress("videos are rendering; wait for them with: avatarkit jobs resume --batch " + plan.batchId());
        return failed > 0 ? ExitCodes.JOB_FAILED : ExitCodes.OK;
    }

    private static Documents.Batch document(
            Plan plan, int created, int existing, Map<JobState, Integer> states, BatchOptions options) {
        List<Documents.RowError> errors = plan.errors().stream()
                .map(e -> new Documents.RowError(e.line(), e.field(), e.message()))
                .toList();
        return new Documents.Batch(
                plan.batchId().value(),
                plan.template(),
                plan.rows(),
                created,
                existing,
                plan.errors().size(),
                plan.credits(),
                options.dryRun,
                ResumeCommand.names(states),
                errors,
                List.of());
    }

    private static String lineMessage(BatchRows.RowError e) {
        return e.message().startsWith("line ") ? e.message() : "line " + e.line() + ": " + e.message();
    }

    /** A cell of the dry run's table: long values cut, so a script does not fill the screen. */
    static String cut(String value, int max) {
        if (value == null) return "-";
        return value.length() > max ? value.substring(0, max - 1) + "…" : value;
    }
}
