package dev.avatarkit.cli.command;

import com.google.inject.Inject;
import com.google.inject.Provider;
import dev.avatarkit.core.usecase.Csv;
import dev.avatarkit.core.usecase.TemplateBatch;
import java.nio.file.Files;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;

/**
 * {@code avatarkit template batch ID --csv FILE}: one template video per CSV row. Every row is checked before
 * anything is submitted; each row's job key is derived from the row, so running the same command again (after
 * Ctrl-C, kill -9, a timeout) resumes the unfinished jobs and never submits a row twice.
 */
@Command(
        name = "batch",
        description = "One video per CSV row (header = variable names; optional columns: title, callback_id).",
        footer = {
            "",
            "Example (in the sandbox: no key, no network; people.csv has the header `name`, then one name a line):",
            "  avatarkit --sandbox template batch tpl_welcome_name --csv people.csv --wait",
            "",
            RootCommand.EXIT_CODES
        })
public final class TemplateBatchCommand implements Callable<Integer> {
    @Inject
    private Provider<TemplateBatch> templateBatch;

    @Inject
    private BatchRun run;

    @Parameters(paramLabel = "ID", description = "Template id (see `avatarkit template show ID` for its variables).")
    String templateId;

    @Option(
            names = "--csv",
            required = true,
            paramLabel = "FILE",
            description = "The rows (RFC 4180, header = the template's variables).")
    String csv;

    @Mixin
    BatchOptions options;

    @Override
    public Integer call() throws Exception {
        run.configure(options);
        TemplateBatch batch = templateBatch.get();
        TemplateBatch.BatchPlan plan = batch.plan(templateId, Csv.decode(Files.readAllBytes(run.csvFile(csv))));
        BatchRun.Plan shown = new BatchRun.Plan(
                plan.batchId(),
                plan.templateId(),
                "template " + plan.templateId(),
                plan.jobs().size(),
                plan.errors(),
                plan.estimatedCredits(),
                preview(plan),
                "Fix the header (columns must be the template's variables).");
        return run.run(shown, csv, options, () -> batch.submit(plan, options.skipInvalid));
    }

    private static List<List<String>> preview(TemplateBatch.BatchPlan plan) {
        List<List<String>> rows = new ArrayList<>();
        rows.add(List.of("LINE", "TITLE", "VARIABLES"));
        plan.jobs().stream()
                .limit(BatchRun.PREVIEW_ROWS)
                .forEach(j -> rows.add(
                        List.of(String.valueOf(j.line()), BatchRun.cut(j.spec().title(), 255), variables(j))));
        return rows;
    }

    private static String variables(TemplateBatch.PlannedJob job) {
        StringBuilder text = new StringBuilder();
        job.spec()
                .variables()
                .forEach((name, v) -> text.append(text.length() == 0 ? "" : ", ")
                        .append(name)
                        .append('=')
                        .append(BatchRun.cut(v.value(), 30)));
        return text.toString();
    }
}
