package dev.avatarkit.http.dashboard;

import dev.avatarkit.core.domain.BatchId;
import dev.avatarkit.core.domain.Job;
import dev.avatarkit.core.domain.JobState;
import dev.avatarkit.core.domain.ValidationException;
import dev.avatarkit.core.port.JobPage;
import dev.avatarkit.core.port.JobQuery;
import io.javalin.http.Context;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;

/** Batches: the recent ones with their progress, one batch's rows and failures, retrying its failed rows. */
final class BatchPages {
    /** How many of the newest jobs the batch list looks through (the store has no batch table). */
    static final int SCAN = 1000;
    /** Rows shown on a batch page; a bigger batch links to the job list filtered by it. */
    static final int ROWS = 1000;

    private final DashboardParts parts;
    private final BatchUpload upload;

    BatchPages(DashboardParts parts, Admit admit) {
        this.parts = parts;
        this.upload = new BatchUpload(parts, admit);
    }

    void list(Context ctx) {
        Map<BatchId, Instant> batches = new LinkedHashMap<>();
        for (Job job : parts.jobs().list(JobQuery.all(SCAN)).jobs()) {
            if (job.batchId() != null) batches.merge(job.batchId(), job.createdAt(), (a, b) -> a.isBefore(b) ? a : b);
        }
        StringBuilder items = new StringBuilder();
        for (Map.Entry<BatchId, Instant> batch : batches.entrySet()) {
            BatchProgress progress = BatchProgress.of(
                    parts.jobs().countByState(batch.getKey()),
                    batch.getValue(),
                    parts.clock().instant());
            items.append("<li class=\"card\"><h2><a href=\"")
                    .append(Dashboard.ROOT)
                    .append("/batches/")
                    .append(Html.query(batch.getKey().value()))
                    .append("\">")
                    .append(Html.escape(batch.getKey().value()))
                    .append("</a></h2><p>started ")
                    .append(Html.time(batch.getValue()))
                    .append("</p>")
                    .append(progress.render("progress-" + batch.getKey().value()))
                    .append("</li>");
        }
        String body =
                "<p><a class=\"button\" href=\"" + Dashboard.ROOT + "/batches/new\">Start a batch from a CSV</a></p>"
                        + "<div id=\"batches-live\" data-live>"
                        + (items.isEmpty()
                                ? "<p class=\"empty\">No batches among the newest " + SCAN + " jobs.</p>"
                                : "<ul class=\"cards\">" + items + "</ul>")
                        + "</div>";
        ctx.html(Pages.page("Batches", Guard.session(ctx), "batches", "", body));
    }

    void show(Context ctx) {
        BatchId id = batchId(ctx);
        List<Job> jobs = jobsOf(id);
        if (jobs.isEmpty()) throw new NotFound("There is no batch '" + id.value() + "'.");
        Instant started = jobs.get(0).createdAt();
        BatchProgress progress = BatchProgress.of(
                parts.jobs().countByState(id), started, parts.clock().instant());
        Sessions.Session session = Guard.session(ctx);
        List<Job> failed = jobs.stream().filter(BatchPages::failed).toList();
        String retry = failed.isEmpty()
                ? ""
                : Pages.action(
                        session,
                        Dashboard.ROOT + "/batches/" + Html.query(id.value()) + "/retry-failed",
                        "Retry " + failed.size() + " failed row" + (failed.size() == 1 ? "" : "s"));
        String body = """
                <div id="batch-live" data-live>
                %s
                <div class="actions">%s</div>
                <section aria-labelledby="failed-h"><h2 id="failed-h">Failed rows</h2>%s</section>
                <section aria-labelledby="rows-h"><h2 id="rows-h">Rows</h2>%s</section>
                </div>""".formatted(progress.render("batch-progress"), retry, failures(jobs, failed), rows(jobs));
        ctx.html(Pages.page("Batch " + id.value(), session, "batches", "batch=" + id.value(), body));
    }

    void retryFailed(Context ctx) {
        BatchId id = batchId(ctx);
        for (Job job : jobsOf(id)) {
            if (failed(job)) parts.manageJobs().retry(job.id());
        }
        ctx.redirect(Dashboard.ROOT + "/batches/" + Html.query(id.value()), io.javalin.http.HttpStatus.SEE_OTHER);
    }

    void uploadForm(Context ctx) {
        upload.form(ctx);
    }

    void preview(Context ctx) {
        upload.preview(ctx);
    }

    void submit(Context ctx) {
        upload.submit(ctx);
    }

    /** A batch's jobs in creation order, which is CSV order (rows are created top to bottom). */
    private List<Job> jobsOf(BatchId id) {
        List<Job> out = new ArrayList<>();
        JobPage page = parts.jobs().list(new JobQuery(Set.of(), Set.of(), id, null, null, ROWS));
        out.addAll(page.jobs());
        out.sort(Comparator.comparing((Job j) -> j.id().value()));
        return out;
    }

    private static boolean failed(Job job) {
        return job.state().isTerminal() && job.state() != JobState.SUCCEEDED;
    }

    private static String failures(List<Job> jobs, List<Job> failed) {
        if (failed.isEmpty()) return "<p class=\"empty\">None.</p>";
        StringBuilder out = new StringBuilder("<ul class=\"failures\">");
        for (Job job : failed) {
            out.append("<li>row ")
                    .append(jobs.indexOf(job) + 1)
                    .append(" · <a href=\"")
                    .append(Dashboard.ROOT)
                    .append("/jobs/")
                    .append(job.id().value())
                    .append("\" class=\"mono\">")
                    .append(job.id().value())
                    .append("</a> · ")
                    .append(Pages.state(job.state()))
                    .append(" · ")
                    .append(Html.escape(
                            job.error() == null
                                    ? "no error recorded"
                                    : job.error().message()))
                    .append("</li>");
        }
        return out.append("</ul>").toString();
    }

    private static String rows(List<Job> jobs) {
        StringBuilder rows = new StringBuilder();
        for (int i = 0; i < jobs.size(); i++) {
            Job job = jobs.get(i);
            rows.append("<tr data-job-id=\"")
                    .append(job.id().value())
                    .append("\"><td>")
                    .append(i + 1)
                    .append("</td><td>line ")
                    .append(i + 2)
                    .append("</td><td><a class=\"mono\" href=\"")
                    .append(Dashboard.ROOT)
                    .append("/jobs/")
                    .append(job.id().value())
                    .append("\">")
                    .append(job.id().value())
                    .append("</a></td><td>")
                    .append(Html.escape(job.title() == null ? "–" : job.title()))
                    .append("</td><td>")
                    .append(Pages.state(job.state()))
                    .append("</td></tr>");
        }
        return """
                <div class="table-wrap"><table><caption class="visually-hidden">Rows of the batch, in CSV order</caption>
                <thead><tr><th scope="col">Row</th><th scope="col">CSV</th><th scope="col">Job</th><th scope="col">Title</th>
                <th scope="col">State</th></tr></thead><tbody>%s</tbody></table></div>""".formatted(rows);
    }

    private static BatchId batchId(Context ctx) {
        try {
            return new BatchId(ctx.pathParam("id"));
        } catch (ValidationException e) {
            throw new NotFound("There is no batch '" + ctx.pathParam("id") + "'.");
        }
    }
}
