package dev.avatarkit.http.dashboard;

import dev.avatarkit.core.domain.IdempotencyKey;
import dev.avatarkit.core.domain.IdentitySpec;
import dev.avatarkit.core.domain.ShotList;
import dev.avatarkit.core.domain.ValidationException;
import dev.avatarkit.core.influencer.CreateInfluencer;
import dev.avatarkit.core.influencer.DefaultShots;
import dev.avatarkit.core.influencer.InfluencerPlan;
import io.javalin.http.Context;
import java.util.ArrayList;
import java.util.List;

/**
 * Creating an influencer: the form → a dry-run plan (paid calls, stills, the prompt of each) → create. The form
 * carries a one-time nonce that becomes the idempotency key, so a double click or a resubmitted page finds the
 * identity the first click made instead of paying for a second. References must be http(s) URLs, as over the API.
 */
final class InfluencerForm {
    private final DashboardParts parts;
    private final Admit admit;

    InfluencerForm(DashboardParts parts, Admit admit) {
        this.parts = parts;
        this.admit = admit;
    }

    /** What the form holds, as typed. */
    record Fields(
            String name,
            String prompt,
            String age,
            String gender,
            String ethnicity,
            String style,
            String references,
            String stills,
            String nonce) {
        static Fields from(Context ctx) {
            return new Fields(
                    v(ctx, "name"),
                    v(ctx, "prompt"),
                    v(ctx, "age"),
                    v(ctx, "gender"),
                    v(ctx, "ethnicity"),
                    v(ctx, "style"),
                    v(ctx, "references"),
                    v(ctx, "stills"),
                    v(ctx, "nonce"));
        }

        static Fields empty() {
            return new Fields("", "", "", "", "", "", "", "12", Sessions.random());
        }

        IdentitySpec spec() {
            List<String> urls = new ArrayList<>();
            for (String line : references.split("\\R")) {
                String url = line.trim();
                if (url.isEmpty()) continue;
                if (!(url.startsWith("https://") || url.startsWith("http://"))) {
                    throw new ValidationException(
                            "references", "Reference images must be http(s) URLs, one per line: '" + url + "' is not.");
                }
                urls.add(url);
            }
            int count;
            try {
                count = Integer.parseInt(stills.trim());
            } catch (NumberFormatException e) {
                throw new ValidationException(
                        "stills", "The number of stills must be a whole number, was '" + stills + "'.");
            }
            if (count < 1 || count > ShotList.MAX_SHOTS) {
                throw new ValidationException(
                        "stills", "The number of stills must be 1–" + ShotList.MAX_SHOTS + ", was " + count + ".");
            }
            return new IdentitySpec(
                    name,
                    prompt,
                    blankToNull(age),
                    blankToNull(gender),
                    blankToNull(ethnicity),
                    blankToNull(style),
                    urls,
                    DefaultShots.first(count));
        }

        private static String v(Context ctx, String name) {
            String value = ctx.formParam(name);
            return value == null ? "" : value;
        }

        private static String blankToNull(String s) {
            return s.isBlank() ? null : s.trim();
        }
    }

    void show(Context ctx) {
        ctx.html(Pages.page(
                "Create an influencer",
                Guard.session(ctx),
                "influencers",
                null,
                form(Guard.session(ctx), Fields.empty(), null)));
    }

    void plan(Context ctx) {
        Fields fields = Fields.from(ctx);
        Sessions.Session session = Guard.session(ctx);
        InfluencerPlan.Plan plan;
        try {
            plan = parts.influencerPlan().plan(fields.spec());
        } catch (ValidationException e) {
            ctx.status(422)
                    .html(Pages.page(
                            "Create an influencer",
                            session,
                            "influencers",
                            null,
                            form(session, fields, e.getMessage())));
            return;
        }
        StringBuilder prompts = new StringBuilder();
        for (InfluencerPlan.PlannedStill still : plan.plannedStills()) {
            prompts.append("<li><strong>")
                    .append(Html.escape(still.shot().slug()))
                    .append("</strong>: ")
                    .append(Html.escape(still.prompt()))
                    .append("</li>");
        }
        String body = """
                <p id="plan-summary">%s on %s: <strong>%d paid calls</strong> (1 base look + %d stills), %d at a time. Nothing has been created yet.</p>
                <details><summary>The prompt of each still</summary><ol class="prompts">%s</ol></details>
                %s""".formatted(
                        Html.escape(plan.identityName()),
                        Html.escape(plan.provider()),
                        plan.paidCalls(),
                        plan.stills(),
                        plan.maxConcurrency(),
                        prompts,
                        hiddenCreate(session, fields));
        ctx.html(Pages.page("Plan for " + fields.name(), session, "influencers", null, body));
    }

    void create(Context ctx) {
        Fields fields = Fields.from(ctx);
        if (fields.nonce().length() != 64)
            throw new ValidationException("nonce", "The form is incomplete; open it again.");
        IdentitySpec spec = fields.spec();
        // the identity job plus one job per still will all sit in the queue, as POST /v1/influencers counts them
        CreateInfluencer.Result result = admit.admitted(
                Guard.session(ctx).token(),
                1 + spec.shots().shots().size(),
                () -> parts.createInfluencer()
                        .create(CreateInfluencer.Command.remote(spec, IdempotencyKey.derived("dash", fields.nonce()))),
                r -> List.of(r.identity().id()));
        ctx.redirect(
                Dashboard.ROOT + "/influencers/" + result.identity().id().value(),
                io.javalin.http.HttpStatus.SEE_OTHER);
    }

    private static String hiddenCreate(Sessions.Session session, Fields f) {
        StringBuilder hidden = new StringBuilder();
        String[][] pairs = {
            {"name", f.name()},
            {"prompt", f.prompt()},
            {"age", f.age()},
            {"gender", f.gender()},
            {"ethnicity", f.ethnicity()},
            {"style", f.style()},
            {"references", f.references()},
            {"stills", f.stills()},
            {"nonce", f.nonce()}
        };
        for (String[] p : pairs) {
            hidden.append("<input type=\"hidden\" name=\"")
                    .append(p[0])
                    .append("\" value=\"")
                    .append(Html.escape(p[1]))
                    .append("\">");
        }
        return "<form method=\"post\" action=\"" + Dashboard.ROOT
                + "/influencers\"><input type=\"hidden\" name=\"csrf\" value=\"" + Html.escape(session.csrf()) + "\">"
                + hidden + "<button type=\"submit\" id=\"create-influencer\">Create and render</button></form>";
    }

    private static String form(Sessions.Session session, Fields f, String error) {
        String alert = error == null ? "" : "<p class=\"error\" role=\"alert\">" + Html.escape(error) + "</p>";
        return alert
                + """
                <form method="post" action="%s/influencers/plan" class="stack" id="influencer-form">
                <input type="hidden" name="csrf" value="%s"><input type="hidden" name="nonce" value="%s">
                <label for="i-name">Name</label><input id="i-name" name="name" required value="%s">
                <label for="i-prompt">Appearance prompt</label><textarea id="i-prompt" name="prompt" rows="3" required>%s</textarea>
                <div class="row">
                <div><label for="i-age">Age</label><input id="i-age" name="age" value="%s"></div>
                <div><label for="i-gender">Gender</label><input id="i-gender" name="gender" value="%s"></div>
                <div><label for="i-ethnicity">Ethnicity</label><input id="i-ethnicity" name="ethnicity" value="%s"></div>
                <div><label for="i-style">Style</label><input id="i-style" name="style" value="%s"></div>
                </div>
                <label for="i-references">Reference image URLs (up to 3, one per line)</label>
                <textarea id="i-references" name="references" rows="3">%s</textarea>
                <label for="i-stills">Number of stills (1–%d)</label><input id="i-stills" name="stills" type="number" min="1" max="%d" value="%s">
                <button type="submit" id="plan-influencer">Plan (dry run)</button>
                </form>""".formatted(
                                Dashboard.ROOT,
                                Html.escape(session.csrf()),
                                Html.escape(f.nonce()),
                                Html.escape(f.name()),
                                Html.escape(f.prompt()),
                                Html.escape(f.age()),
                                Html.escape(f.gender()),
                                Html.escape(f.ethnicity()),
                                Html.escape(f.style()),
                                Html.escape(f.references()),
                                ShotList.MAX_SHOTS,
                                ShotList.MAX_SHOTS,
                                Html.escape(f.stills()));
    }
}
