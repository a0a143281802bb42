package dev.avatarkit.http.dashboard;

import dev.avatarkit.core.domain.Job;
import java.util.List;
import java.util.Locale;

/** Jobs as a table: each row names its job ({@code data-job-id}) so the live script can find it. */
final class JobTable {
    private JobTable() {}

    /** {@code page} is where a row links: {@code jobs} for a job's page, {@code influencers} for an identity's. */
    static String render(List<Job> jobs, String empty, String page) {
        if (jobs.isEmpty()) return "<p class=\"empty\">" + Html.escape(empty) + "</p>";
        StringBuilder rows = new StringBuilder();
        for (Job job : jobs) {
            rows.append("<tr data-job-id=\"")
                    .append(job.id().value())
                    .append("\"><td><a href=\"")
                    .append(Dashboard.ROOT)
                    .append('/')
                    .append(page)
                    .append('/')
                    .append(job.id().value())
                    .append("\" class=\"mono\">")
                    .append(job.id().value())
                    .append("</a></td><td>")
                    .append(job.kind().name().toLowerCase(Locale.ROOT).replace('_', ' '))
                    .append("</td><td>")
                    .append(Pages.state(job.state()))
                    .append("</td><td>")
                    .append(Html.escape(job.title() == null ? "–" : job.title()))
                    .append("</td><td>")
                    .append(Html.escape(job.provider()))
                    .append("</td><td>")
                    .append(Html.time(job.updatedAt()))
                    .append("</td></tr>\n");
        }
        return """
                <div class="table-wrap"><table>
                <caption class="visually-hidden">Jobs, newest first</caption>
                <thead><tr><th scope="col">Job</th><th scope="col">Kind</th><th scope="col">State</th><th scope="col">Title</th>
                <th scope="col">Provider</th><th scope="col">Updated</th></tr></thead>
                <tbody>
                %s</tbody></table></div>""".formatted(rows);
    }
}
