package dev.avatarkit.http.dashboard;

import dev.avatarkit.core.domain.AssetKind;
import dev.avatarkit.core.domain.IdentitySpec;
import dev.avatarkit.core.domain.Job;
import dev.avatarkit.core.domain.JobState;
import dev.avatarkit.core.domain.Shot;
import dev.avatarkit.core.influencer.InfluencerStatus;
import java.util.Map;

/** An identity's page parts: who it is (prompt, base look, progress) and its stills as a gallery. */
final class InfluencerView {
    private InfluencerView() {}

    static String identity(Job identity, InfluencerStatus.View view) {
        IdentitySpec spec = (IdentitySpec) identity.spec();
        String base = identity.assets().stream()
                .filter(a -> a.kind() == AssetKind.STILL)
                .findFirst()
                .map(a -> "<img class=\"base\" src=\"" + Dashboard.ROOT + "/jobs/"
                        + identity.id().value() + "/assets/still\" alt=\"Base look of " + Html.escape(spec.name())
                        + "\">")
                .orElse("<p class=\"empty\">The base look appears when the identity job succeeds.</p>");
        StringBuilder states = new StringBuilder();
        for (Map.Entry<JobState, Integer> e : new java.util.TreeMap<>(view.byState()).entrySet()) {
            states.append("<li>")
                    .append(Pages.state(e.getKey()))
                    .append(' ')
                    .append(e.getValue())
                    .append("</li>");
        }
        String sheet = view.finished() && view.stored().size() > 0
                ? "<p><a href=\"" + Dashboard.ROOT + "/influencers/"
                        + identity.id().value() + "/contact-sheet.png\">Contact sheet</a></p>"
                : "";
        return """
                <div class="identity">%s<dl class="facts">
                <dt>Identity job</dt><dd><a class="mono" href="%s/jobs/%s">%s</a> %s</dd>
                <dt>Prompt</dt><dd>%s</dd>
                <dt>Attributes</dt><dd>%s</dd>
                <dt>Stills</dt><dd id="stills-count">%d of %d stored</dd>
                </dl></div>
                <ul class="counts" aria-label="Stills per state">%s</ul>%s""".formatted(
                        base,
                        Dashboard.ROOT,
                        identity.id().value(),
                        identity.id().value(),
                        Pages.state(identity.state()),
                        Html.escape(spec.prompt()),
                        Html.escape(attributes(spec)),
                        view.stored().size(),
                        view.shots(),
                        states,
                        sheet);
    }

    static String gallery(InfluencerStatus.View view, StillFilter filter) {
        StringBuilder out = new StringBuilder();
        for (InfluencerStatus.StoredStill still : view.stored()) {
            Shot shot = still.shot();
            if (!filter.matches(shot)) continue;
            String caption = shot.angle() + " · " + shot.framing() + " · " + shot.expression() + " · " + shot.setting();
            out.append("<li><a href=\"")
                    .append(Dashboard.ROOT)
                    .append("/jobs/")
                    .append(still.jobId().value())
                    .append("\">")
                    .append("<img loading=\"lazy\" src=\"")
                    .append(Dashboard.ROOT)
                    .append("/jobs/")
                    .append(still.jobId().value())
                    .append("/assets/still\" alt=\"Still ")
                    .append(shot.index())
                    .append(": ")
                    .append(Html.escape(caption))
                    .append("\">")
                    .append("</a><span>")
                    .append(shot.index())
                    .append(". ")
                    .append(Html.escape(caption))
                    .append("</span></li>");
        }
        for (Job failed : view.failed()) {
            out.append("<li class=\"failed\"><a href=\"")
                    .append(Dashboard.ROOT)
                    .append("/jobs/")
                    .append(failed.id().value())
                    .append("\">")
                    .append(Pages.state(failed.state()))
                    .append(' ')
                    .append(Html.escape(failed.title()))
                    .append("</a><span>")
                    .append(Html.escape(
                            failed.error() == null ? "" : failed.error().message()))
                    .append("</span></li>");
        }
        return out.isEmpty()
                ? "<p class=\"empty\">No stills match yet.</p>"
                : "<ul class=\"gallery\" id=\"gallery\">" + out + "</ul>";
    }

    private static String attributes(IdentitySpec spec) {
        StringBuilder out = new StringBuilder();
        if (spec.age() != null) out.append("age ").append(spec.age()).append("; ");
        if (spec.gender() != null) out.append(spec.gender()).append("; ");
        if (spec.ethnicity() != null) out.append(spec.ethnicity()).append("; ");
        if (spec.style() != null) out.append("style ").append(spec.style()).append("; ");
        return out.isEmpty() ? "–" : out.substring(0, out.length() - 2);
    }
}
