package dev.avatarkit.cli.command;

import com.google.inject.Inject;
import dev.avatarkit.cli.app.Backend;
import dev.avatarkit.cli.app.ExitCodes;
import dev.avatarkit.cli.app.GlobalOptions;
import dev.avatarkit.cli.app.Io;
import dev.avatarkit.cli.output.Documents;
import dev.avatarkit.cli.output.Output;
import dev.avatarkit.core.domain.JobState;
import dev.avatarkit.core.domain.Require;
import dev.avatarkit.core.domain.ValidationException;
import dev.avatarkit.core.port.JobStore;
import dev.avatarkit.core.usecase.Csv;
import dev.avatarkit.core.usecase.TemplateBatch;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;

/**
 * {@code avatarkit template batch ID --csv FILE}: one template video per CSV row. Every row is checked before
 * anything is submitted; each row's job key is derived from the row, so running the same command again (after
 * Ctrl-C, kill -9, a timeout) resumes the unfinished jobs and never submits a row twice.
 */
@Command(name = "batch", description = "One video per CSV row (header = variable names; optional columns: title, callback_id).",
        footer = {"", "Example (in the sandbox: no key, no network; people.csv has the header `name`, then one name a line):",
                "  avatarkit --sandbox template batch tpl_welcome_name --csv people.csv --wait",
                "", RootCommand.EXIT_CODES})
public final class TemplateBatchCommand implements Callable<Integer> {
    private static final int PREVIEW_ROWS = 20;
    @Inject private Backend backend;
    @Inject private GlobalOptions global;
    @Inject private Output out;
    @Inject private Io io;
    @Inject private ProgressLoop progress;
    @Parameters(paramLabel = "ID", description = "Template id (see `avatarkit template show ID` for its variables).") String templateId;
    @Option(names = "--csv", required = true, paramLabel = "FILE", description = "The rows (RFC 4180, header = the template's variables).") String csv;
    @Option(names = "--concurrency", paramLabel = "N", description = "Renders in flight at once (overrides HEYGEN_MAX_CONCURRENCY).") Integer concurrency;
    @Option(names = "--dry-run", description = "Check every row and print the plan and estimated credits; submit nothing.") boolean dryRun;
    @Option(names = "--skip-invalid", description = "Submit the valid rows even if some rows are invalid.") boolean skipInvalid;
    @Option(names = "--wait", description = "Wait until every video is rendered and stored (else: until all are submitted).") boolean wait;
    @Option(names = "--timeout", defaultValue = "24h", paramLabel = "DURATION", description = "Stop watching after this long (default ${DEFAULT-VALUE}).") Duration timeout;

    @Override
    public Integer call() throws Exception {
        if (concurrency != null) {
            Require.between(concurrency, 1, 100, "concurrency");
            global.setFlag("HEYGEN_MAX_CONCURRENCY", String.valueOf(concurrency));
        }
        TemplateBatch batch = backend.get(TemplateBatch.class);
        TemplateBatch.BatchPlan plan = batch.plan(templateId, Csv.decode(Files.readAllBytes(csvFile())));
        boolean headerBroken = plan.errors().stream().anyMatch(e -> e.line() == 1);
        if (!plan.errors().isEmpty() && (!skipInvalid || headerBroken)) return rejected(plan, headerBroken);
        plan.errors().forEach(e -> out.progress("skipping " + lineMessage(e)));
        if (dryRun) return dryRun(plan);
        backend.startWorkers();
        TemplateBatch.BatchResult result = batch.submit(plan, skipInvalid);
        out.progress("batch " + plan.batchId() + ": " + result.created() + " new job(s), " + result.existing()
                + " already known from an earlier run (not submitted again), " + result.skipped() + " invalid row(s) skipped");
        JobStore jobs = backend.jobs();
        Map<JobState, Integer> last = progress.run(() -> ProgressLoop.copy(jobs.countByState(plan.batchId())),
                wait ? ProgressLoop::allFinished : ProgressLoop::allSubmitted, timeout);
        return finish(plan, result, last);
    }

    private Path csvFile() {
        Path path = io.resolve(csv);
        if (!Files.isRegularFile(path)) throw new ValidationException("csv", "--csv: no such file " + path);
        return path;
    }

    private int rejected(TemplateBatch.BatchPlan plan, boolean headerBroken) {
        if (out.json()) {
            out.document(document(plan, 0, 0, Map.of()));
        } else {
            plan.errors().forEach(e -> out.line(lineMessage(e)));
        }
        String message = plan.errors().size() + " invalid row(s) in " + csv + "; nothing was submitted. "
                + (headerBroken ? "Fix the header (columns must be the template's variables)." : "Fix them, or pass --skip-invalid to submit the valid rows only.");
        throw new ValidationException("csv", message);
    }

    private int dryRun(TemplateBatch.BatchPlan plan) {
        if (out.json()) {
            out.document(document(plan, 0, 0, Map.of()));
            return ExitCodes.OK;
        }
        out.line("batch " + plan.batchId() + " (dry run): template " + plan.templateId() + ", " + plan.jobs().size()
                + " video(s), estimated " + plan.estimatedCredits() + " credit(s); nothing submitted");
        List<List<String>> rows = new ArrayList<>();
        rows.add(List.of("LINE", "TITLE", "VARIABLES"));
        plan.jobs().stream().limit(PREVIEW_ROWS).forEach(j -> rows.add(List.of(String.valueOf(j.line()),
                j.spec().title() == null ? "-" : j.spec().title(), variables(j))));
        out.table(rows);
        if (plan.jobs().size() > PREVIEW_ROWS) out.line("… and " + (plan.jobs().size() - PREVIEW_ROWS) + " more");
        return ExitCodes.OK;
    }

    private int finish(TemplateBatch.BatchPlan plan, TemplateBatch.BatchResult result, Map<JobState, Integer> last) {
        if (out.json()) out.document(document(plan, result.created(), result.existing(), last));
        else out.line("batch " + plan.batchId() + ": " + ProgressLoop.describe(last));
        boolean done = wait ? ProgressLoop.allFinished(last) : ProgressLoop.allSubmitted(last);
        if (!done) {
            out.progress("timed out; the jobs go on. Re-run this command (nothing is submitted twice) or: avatarkit jobs resume --batch " + plan.batchId());
            return ExitCodes.TIMED_OUT;
        }
        int failed = last.entrySet().stream().filter(e -> e.getKey().isTerminal() && e.getKey() != JobState.SUCCEEDED)
                .mapToInt(Map.Entry::getValue).sum();
        if (failed > 0) out.progress(failed + " job(s) did not succeed: avatarkit jobs list --batch " + plan.batchId()
                + " --state FAILED,REJECTED,NEEDS_ATTENTION,CANCELED");
        if (!wait) out.progress("videos are rendering; wait for them with: avatarkit jobs resume --batch " + plan.batchId());
        return failed > 0 ? ExitCodes.JOB_FAILED : ExitCodes.OK;
    }

    private Documents.Batch document(TemplateBatch.BatchPlan plan, int created, int existing, Map<JobState, Integer> states) {
        List<Documents.RowError> errors = plan.errors().stream().map(e -> new Documents.RowError(e.line(), e.field(), e.message())).toList();
        return new Documents.Batch(plan.batchId().value(), plan.templateId(), plan.jobs().size(), created, existing,
                plan.errors().size(), plan.estimatedCredits(), dryRun, ResumeCommand.names(states), errors, List.of());
    }

    private static String lineMessage(TemplateBatch.RowError e) {
        return e.message().startsWith("line ") ? e.message() : "line " + e.line() + ": " + e.message();
    }

    private static String variables(TemplateBatch.PlannedJob job) {
        StringBuilder text = new StringBuilder();
        job.spec().variables().forEach((name, v) -> {
            String value = v.value().length() > 30 ? v.value().substring(0, 29) + "…" : v.value();
            text.append(text.length() == 0 ? "" : ", ").append(name).append('=').append(value);
        });
        return text.toString();
    }
}
