package dev.avatarkit.http.dashboard;

import dev.avatarkit.core.domain.AssetKey;
import dev.avatarkit.core.domain.Job;
import dev.avatarkit.core.domain.JobId;
import dev.avatarkit.core.domain.JobKind;
import dev.avatarkit.core.domain.ValidationException;
import dev.avatarkit.core.engine.AssetKeys;
import dev.avatarkit.core.influencer.InfluencerReport;
import dev.avatarkit.core.influencer.InfluencerStatus;
import dev.avatarkit.core.port.JobQuery;
import io.javalin.http.Context;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.util.List;
import java.util.Set;

/** Influencers: the list, one identity with its base look and stills gallery, its contact sheet, retrying failed stills. */
final class InfluencerPages {
    private final DashboardParts parts;
    private final InfluencerForm form;

    InfluencerPages(DashboardParts parts, Admit admit) {
        this.parts = parts;
        this.form = new InfluencerForm(parts, admit);
    }

    void list(Context ctx) {
        List<Job> identities = parts.manageJobs()
                .list(new JobQuery(Set.of(), Set.of(JobKind.IDENTITY), null, null, null, 200))
                .jobs();
        String body = "<p><a class=\"button\" href=\"" + Dashboard.ROOT
                + "/influencers/new\">Create an influencer</a></p>" + "<div id=\"influencers-live\" data-live>"
                + JobTable.render(identities, "No influencers yet.", "influencers") + "</div>";
        ctx.html(Pages.page("Influencers", Guard.session(ctx), "influencers", "", body));
    }

    void show(Context ctx) {
        InfluencerStatus.View view = parts.influencerStatus().status(identityId(ctx));
        Job identity = view.identity();
        Sessions.Session session = Guard.session(ctx);
        StillFilter filter = StillFilter.from(ctx);
        String retry = view.failed().isEmpty()
                ? ""
                : Pages.action(
                        session,
                        Dashboard.ROOT + "/influencers/" + identity.id().value() + "/retry-failed",
                        "Retry " + view.failed().size() + " failed still"
                                + (view.failed().size() == 1 ? "" : "s"));
        String body = """
                <div id="influencer-live" data-live>
                %s
                <div class="actions">%s</div>
                <section aria-labelledby="gallery-h"><h2 id="gallery-h">Stills</h2>%s%s</section>
                </div>""".formatted(
                        InfluencerView.identity(identity, view),
                        retry,
                        filter.form(identity),
                        InfluencerView.gallery(view, filter));
        ctx.html(Pages.page(identity.title(), session, "influencers", "", body));
    }

    void contactSheet(Context ctx) throws IOException {
        Job identity = parts.manageJobs().get(identityId(ctx));
        AssetKey key = AssetKeys.influencerFile(identity, InfluencerReport.CONTACT_SHEET);
        if (parts.assets().stat(key).isEmpty())
            throw new NotFound("The contact sheet is written when every still has finished.");
        ctx.contentType("image/png");
        try (InputStream in = parts.assets().open(key, 0);
                OutputStream out = ctx.res().getOutputStream()) {
            in.transferTo(out);
        }
    }

    void retryFailed(Context ctx) {
        JobId id = identityId(ctx);
        parts.retryFailedStills().retry(id);
        ctx.redirect(Dashboard.ROOT + "/influencers/" + id.value(), io.javalin.http.HttpStatus.SEE_OTHER);
    }

    void form(Context ctx) {
        form.show(ctx);
    }

    void plan(Context ctx) {
        form.plan(ctx);
    }

    void create(Context ctx) {
        form.create(ctx);
    }

    private static JobId identityId(Context ctx) {
        try {
            return JobId.of(ctx.pathParam("id"));
        } catch (ValidationException e) {
            throw new NotFound("There is no influencer with that id.");
        }
    }
}
