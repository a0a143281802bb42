package dev.avatarkit.cli.command;

import dev.avatarkit.cli.output.Documents;
import dev.avatarkit.cli.output.JobView;
import dev.avatarkit.cli.output.Output;
import dev.avatarkit.core.domain.BatchId;
import dev.avatarkit.core.domain.Job;
import dev.avatarkit.core.domain.JobId;
import dev.avatarkit.core.domain.JobKind;
import dev.avatarkit.core.domain.JobState;
import dev.avatarkit.core.port.JobPage;
import dev.avatarkit.core.port.JobQuery;
import dev.avatarkit.core.port.JobStore;
import dev.avatarkit.runtime.json.JobDocument;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import picocli.CommandLine.Option;

/** The paging and filter options of {@code jobs list} / {@code video list}, and how a page is printed. */
public final class JobListing {
    @Option(
            names = "--state",
            split = ",",
            paramLabel = "STATE",
            description = "Only these states (comma-separated): ${COMPLETION-CANDIDATES}.")
    Set<JobState> states;

    @Option(
            names = "--kind",
            split = ",",
            paramLabel = "KIND",
            description = "Only these kinds: ${COMPLETION-CANDIDATES}.")
    Set<JobKind> kinds;

    @Option(names = "--batch", paramLabel = "ID", description = "Only the jobs of this batch.")
    String batch;

    @Option(
            names = "--limit",
            defaultValue = "50",
            paramLabel = "N",
            description = "Page size, 1–1000 (default ${DEFAULT-VALUE}).")
    int limit;

    @Option(
            names = "--cursor",
            paramLabel = "ID",
            description = "Continue after this job (the `next` of the previous page).")
    String cursor;

    JobQuery query(Set<JobKind> defaultKinds) {
        Set<JobKind> kindFilter = kinds != null && !kinds.isEmpty() ? kinds : defaultKinds;
        return new JobQuery(
                states,
                kindFilter,
                batch == null ? null : new BatchId(batch),
                null,
                cursor == null ? null : JobId.of(cursor),
                limit);
    }

    static int print(JobStore store, JobQuery query, Output out) {
        JobPage page = store.list(query);
        String next = page.next() == null ? null : page.next().value();
        if (out.json()) {
            out.document(new Documents.JobList(
                    page.jobs().stream().map(JobDocument::of).toList(), next));
            return 0;
        }
        if (page.jobs().isEmpty()) {
            out.line("no jobs");
            return 0;
        }
        List<List<String>> rows = new ArrayList<>();
        rows.add(JobView.HEADER);
        for (Job job : page.jobs()) rows.add(JobView.row(job));
        out.table(rows);
        if (next != null) out.progress("more: --cursor " + next);
        return 0;
    }
}
