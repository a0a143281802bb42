package dev.avatarkit.http.dashboard;

import dev.avatarkit.core.domain.AssetKind;
import dev.avatarkit.core.domain.BatchId;
import dev.avatarkit.core.domain.Job;
import dev.avatarkit.core.domain.JobId;
import dev.avatarkit.core.domain.JobKind;
import dev.avatarkit.core.domain.JobState;
import dev.avatarkit.core.domain.StoredAsset;
import dev.avatarkit.core.domain.ValidationException;
import dev.avatarkit.core.port.JobPage;
import dev.avatarkit.core.port.JobQuery;
import io.javalin.http.Context;
import java.util.List;
import java.util.Locale;
import java.util.Set;

/** The job list (filters, cursor paging, live rows) and one job's page (timeline, assets, actions). */
final class JobPages {
    private static final int PAGE = 50;
    private final DashboardParts parts;

    JobPages(DashboardParts parts) {
        this.parts = parts;
    }

    void list(Context ctx) {
        JobFilter filter = JobFilter.from(ctx);
        JobPage page = parts.manageJobs().list(filter.query(PAGE));
        List<Job> shown = page.jobs().stream().filter(filter::matchesInMemory).toList();
        String next = page.next() == null
                ? ""
                : "<p><a class=\"button\" href=\"" + Dashboard.ROOT + "/jobs?" + filter.queryString() + "cursor="
                        + Html.query(page.next().value()) + "\">Older jobs</a></p>";
        ctx.html(Pages.page(
                "Jobs",
                Guard.session(ctx),
                "jobs",
                "",
                filter.form() + """
                <div id="jobs-live" data-live>
                %s
                </div>
                %s""".formatted(JobTable.render(shown, "No jobs match these filters.", "jobs"), next)));
    }

    void show(Context ctx) {
        Job job = parts.manageJobs().get(jobId(ctx));
        Sessions.Session session = Guard.session(ctx);
        String body = """
                <div id="job-live" data-live>%s</div>
                %s
                <section aria-labelledby="assets-h" id="job-files"%s><h2 id="assets-h">Files</h2>%s</section>
                """.formatted(
                        JobView.summary(job, session),
                        JobView.timeline(job, parts.jobs().history(job.id())),
                        job.state() == JobState.SUCCEEDED ? "" : " data-live",
                        JobView.assets(job));
        ctx.html(Pages.page(
                job.title() == null ? "Job " + job.id().value() : job.title(),
                session,
                "jobs",
                "job=" + job.id().value(),
                body));
    }

    void retry(Context ctx) {
        Job job = parts.manageJobs().retry(jobId(ctx));
        ctx.redirect(Dashboard.ROOT + "/jobs/" + job.id().value(), io.javalin.http.HttpStatus.SEE_OTHER);
    }

    void cancel(Context ctx) {
        Job job = parts.manageJobs().cancel(jobId(ctx));
        ctx.redirect(Dashboard.ROOT + "/jobs/" + job.id().value(), io.javalin.http.HttpStatus.SEE_OTHER);
    }

    static JobId jobId(Context ctx) {
        try {
            return JobId.of(ctx.pathParam("id"));
        } catch (ValidationException e) {
            throw new NotFound("There is no job with that id (job ids are 26-character ULIDs).");
        }
    }

    /** The list's filters: state, kind and batch go to the store; provider and title text are checked per page. */
    record JobFilter(
            Set<JobState> states, Set<JobKind> kinds, String provider, String batch, String text, JobId cursor) {
        static JobFilter from(Context ctx) {
            Set<JobState> states = blank(ctx.queryParam("state"))
                    ? Set.of()
                    : Set.of(parse(JobState.class, "state", ctx.queryParam("state")));
            Set<JobKind> kinds = blank(ctx.queryParam("kind"))
                    ? Set.of()
                    : Set.of(parse(JobKind.class, "kind", ctx.queryParam("kind")));
            String cursor = ctx.queryParam("cursor");
            JobId before;
            try {
                before = blank(cursor) ? null : JobId.of(cursor);
            } catch (ValidationException e) {
                throw new ValidationException(
                        "cursor",
                        "That page link is broken: 'cursor' must be a job id. Start again from the first page.");
            }
            return new JobFilter(
                    states,
                    kinds,
                    trimmed(ctx.queryParam("provider")),
                    trimmed(ctx.queryParam("batch")),
                    trimmed(ctx.queryParam("q")),
                    before);
        }

        JobQuery query(int limit) {
            return new JobQuery(states, kinds, batch == null ? null : new BatchId(batch), null, cursor, limit);
        }

        boolean matchesInMemory(Job job) {
            if (provider != null && !job.provider().equalsIgnoreCase(provider)) return false;
            return text == null
                    || (job.title() != null
                            && job.title().toLowerCase(Locale.ROOT).contains(text.toLowerCase(Locale.ROOT)));
        }

        /** The filters as a query string prefix (ends with {@code &}), for the paging link. */
        String queryString() {
            StringBuilder q = new StringBuilder();
            if (!states.isEmpty())
                q.append("state=").append(states.iterator().next()).append('&');
            if (!kinds.isEmpty())
                q.append("kind=").append(kinds.iterator().next()).append('&');
            if (provider != null)
                q.append("provider=").append(Html.query(provider)).append('&');
            if (batch != null) q.append("batch=").append(Html.query(batch)).append('&');
            if (text != null) q.append("q=").append(Html.query(text)).append('&');
            return q.toString();
        }

        String form() {
            return """
                    <form method="get" action="%s/jobs" class="filters" role="search" aria-label="Filter jobs">
                    <div><label for="f-state">State</label><select id="f-state" name="state">%s</select></div>
                    <div><label for="f-kind">Kind</label><select id="f-kind" name="kind">%s</select></div>
                    <div><label for="f-provider">Provider</label><input id="f-provider" name="provider" value="%s"></div>
                    <div><label for="f-batch">Batch</label><input id="f-batch" name="batch" value="%s"></div>
                    <div><label for="f-q">Title contains</label><input id="f-q" name="q" type="search" value="%s"></div>
                    <div><button type="submit">Filter</button></div>
                    </form>""".formatted(
                            Dashboard.ROOT,
                            options(JobState.values(), states),
                            options(JobKind.values(), kinds),
                            Html.escape(provider),
                            Html.escape(batch),
                            Html.escape(text));
        }

        private static <E extends Enum<E>> String options(E[] values, Set<E> chosen) {
            StringBuilder out = new StringBuilder("<option value=\"\">any</option>");
            for (E v : values) {
                out.append("<option")
                        .append(chosen.contains(v) ? " selected" : "")
                        .append('>')
                        .append(v.name())
                        .append("</option>");
            }
            return out.toString();
        }

        private static <E extends Enum<E>> E parse(Class<E> type, String field, String value) {
            try {
                return Enum.valueOf(type, value.trim().toUpperCase(Locale.ROOT));
            } catch (IllegalArgumentException e) {
                throw new ValidationException(field, "There is no " + field + " called '" + value + "'.");
            }
        }

        private static boolean blank(String s) {
            return s == null || s.isBlank();
        }

        private static String trimmed(String s) {
            return blank(s) ? null : s.trim();
        }
    }

    /** A stored file's download link with what people check it by. */
    static String download(Job job, StoredAsset asset) {
        String kind = asset.kind().name().toLowerCase(Locale.ROOT);
        return "<li><a href=\"" + Dashboard.ROOT + "/jobs/" + job.id().value() + "/assets/" + kind + "\" download>"
                + kind.replace('_', ' ') + "</a> · " + Html.size(asset.size()) + " · <span class=\"mono\">sha256 "
                + Html.escape(asset.sha256()) + "</span></li>";
    }

    static boolean has(Job job, AssetKind kind) {
        return job.asset(kind).isPresent();
    }
}
