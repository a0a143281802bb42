package dev.avatarkit.http.dashboard;

import dev.avatarkit.core.domain.AssetKind;
import dev.avatarkit.core.domain.Job;
import dev.avatarkit.core.domain.JobError;
import dev.avatarkit.core.domain.JobState;
import dev.avatarkit.core.domain.JobTransition;
import dev.avatarkit.core.domain.StillSpec;
import dev.avatarkit.core.domain.StoredAsset;
import java.util.List;
import java.util.Locale;

/** One job's page parts: what it is and where it stands, what happened when, its files. */
final class JobView {
    private JobView() {}

    static String summary(Job job, Sessions.Session session) {
        String batch = job.batchId() == null
                ? "–"
                : "<a href=\"" + Dashboard.ROOT + "/batches/"
                        + Html.query(job.batchId().value()) + "\">"
                        + Html.escape(job.batchId().value()) + "</a>";
        String parent = job.parentId() == null
                ? ""
                : "<dt>Influencer</dt><dd><a href=\"" + Dashboard.ROOT + "/influencers/"
                        + job.parentId().value() + "\" class=\"mono\">"
                        + job.parentId().value() + "</a></dd>";
        return """
                <dl class="facts">
                <dt>Job</dt><dd class="mono">%s</dd>
                <dt>State</dt><dd id="job-state">%s</dd>
                <dt>Kind</dt><dd>%s</dd>
                <dt>Provider</dt><dd>%s <span class="mono">%s</span></dd>
                <dt>Batch</dt><dd>%s</dd>%s
                <dt>Attempts</dt><dd>%d (user retries %d)</dd>%s
                </dl>
                %s%s<div class="actions">%s</div>
                """.formatted(
                job.id().value(),
                Pages.state(job.state()),
                job.kind().name().toLowerCase(Locale.ROOT).replace('_', ' '),
                Html.escape(job.provider()),
                Html.escape(job.providerRef() == null ? "" : job.providerRef().value()),
                batch,
                parent,
                job.attempts(),
                job.retries(),
                prompt(job),
                problem("Error", job.error(), job.state()),
                problem("Warning", job.warning(), null),
                actions(job, session));
    }

    /**
     * The job's path: every stored step (time, state, the provider's word, the error), oldest first; the live script
     * appends changes seen on this page. A job written before the store kept steps shows its creation and latest state.
     */
    static String timeline(Job job, List<JobTransition> history) {
        StringBuilder items = new StringBuilder();
        if (history.isEmpty()) {
            items.append("<li>").append(Html.time(job.createdAt())).append(" — created (QUEUED)</li>");
            history = List.of(JobTransition.of(job));
        }
        for (JobTransition step : history) items.append(step(step));
        if (job.nextRunAt() != null && !job.state().isTerminal()) {
            items.append("<li>next check ").append(Html.time(job.nextRunAt())).append("</li>");
        }
        return """
                <section aria-labelledby="timeline-h"><h2 id="timeline-h">Timeline</h2>
                <ol class="timeline" id="timeline" data-job="%s">%s</ol></section>""".formatted(job.id().value(), items);
    }

    private static String step(JobTransition step) {
        StringBuilder item = new StringBuilder("<li>")
                .append(Html.time(step.at()))
                .append(" — ")
                .append(Pages.state(step.state()));
        if (step.rawStatus() != null)
            item.append(" (provider: ").append(Html.escape(step.rawStatus())).append(')');
        if (step.errorCode() != null) {
            item.append(" — ")
                    .append(Html.escape(step.errorMessage()))
                    .append(" <span class=\"mono\">(")
                    .append(Html.escape(step.errorCode()))
                    .append(")</span>");
        }
        return item.append("</li>").toString();
    }

    static String assets(Job job) {
        if (job.assets().isEmpty()) {
            return "<p class=\"empty\">No files yet"
                    + (job.state().isTerminal() ? "." : ": they appear when the render is downloaded.") + "</p>";
        }
        String base = Dashboard.ROOT + "/jobs/" + job.id().value() + "/assets/";
        StringBuilder out = new StringBuilder();
        if (JobPages.has(job, AssetKind.VIDEO)) {
            String poster = JobPages.has(job, AssetKind.THUMBNAIL) ? " poster=\"" + base + "thumbnail\"" : "";
            out.append("<video id=\"player\" controls preload=\"metadata\" src=\"")
                    .append(base)
                    .append("video\"")
                    .append(poster)
                    .append(" aria-label=\"The rendered video\">")
                    .append("Your browser cannot play MP4 video; use the download link.</video>");
        } else if (JobPages.has(job, AssetKind.STILL)) {
            out.append("<img class=\"large\" src=\"")
                    .append(base)
                    .append("still\" alt=\"")
                    .append(Html.escape(job.title() == null ? "the still" : job.title()))
                    .append("\">");
        }
        if (JobPages.has(job, AssetKind.THUMBNAIL) && !JobPages.has(job, AssetKind.VIDEO)) {
            out.append("<img class=\"thumb\" src=\"").append(base).append("thumbnail\" alt=\"thumbnail\">");
        }
        out.append("<ul class=\"files\">");
        for (StoredAsset asset : job.assets()) out.append(JobPages.download(job, asset));
        return out.append("</ul>").toString();
    }

    /** A still's shot and the exact prompt it was rendered from. */
    private static String prompt(Job job) {
        if (!(job.spec() instanceof StillSpec still)) return "";
        return "<dt>Shot</dt><dd>" + Html.escape(still.shot().slug()) + "</dd><dt>Prompt</dt><dd id=\"still-prompt\">"
                + Html.escape(still.prompt()) + "</dd>";
    }

    private static String problem(String label, JobError error, JobState state) {
        if (error == null) return "";
        String hint = state == null
                ? ""
                : "<p class=\"hint\"><strong>What to do:</strong> " + Html.escape(Hints.of(error, state)) + "</p>";
        return "<div class=\"problem\" role=\"" + (state == null ? "note" : "alert") + "\"><p><strong>" + label
                + ":</strong> " + Html.escape(error.message()) + " <span class=\"mono\">(" + Html.escape(error.code())
                + ")</span></p>" + hint + "</div>";
    }

    private static String actions(Job job, Sessions.Session session) {
        String base = Dashboard.ROOT + "/jobs/" + job.id().value();
        StringBuilder out = new StringBuilder();
        boolean downloadFailed =
                job.error() != null && "download_failed".equals(job.error().code());
        if (job.state().isTerminal() && job.state() != JobState.SUCCEEDED) {
            out.append(Pages.action(session, base + "/retry", downloadFailed ? "Download again" : "Retry"));
        }
        if (!job.state().isTerminal() && job.state() != JobState.DOWNLOADING) {
            out.append(Pages.action(session, base + "/cancel", "Cancel"));
        }
        return out.toString();
    }
}
