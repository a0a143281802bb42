package dev.avatarkit.http.dashboard;

import dev.avatarkit.core.domain.Job;
import dev.avatarkit.core.domain.Shot;
import dev.avatarkit.core.influencer.DefaultShots;
import io.javalin.http.Context;
import java.util.List;

/** The gallery's filters: angle, framing, expression, setting (empty = any). */
record StillFilter(String angle, String framing, String expression, String setting) {
    static StillFilter from(Context ctx) {
        return new StillFilter(
                value(ctx, "angle"), value(ctx, "framing"), value(ctx, "expression"), value(ctx, "setting"));
    }

    boolean matches(Shot shot) {
        return (angle == null || angle.equals(shot.angle()))
                && (framing == null || framing.equals(shot.framing()))
                && (expression == null || expression.equals(shot.expression()))
                && (setting == null || setting.equals(shot.setting()));
    }

    String form(Job identity) {
        return """
                <form method="get" action="%s/influencers/%s" class="filters" aria-label="Filter the stills">
                %s%s%s%s<div><button type="submit">Filter</button></div></form>""".formatted(
                        Dashboard.ROOT,
                        identity.id().value(),
                        select("angle", "Angle", DefaultShots.ANGLES, angle),
                        select("framing", "Framing", DefaultShots.FRAMINGS, framing),
                        select("expression", "Expression", DefaultShots.EXPRESSIONS, expression),
                        select("setting", "Setting", DefaultShots.SETTINGS, setting));
    }

    private static String select(String name, String label, List<String> values, String chosen) {
        StringBuilder options = new StringBuilder("<option value=\"\">any</option>");
        for (String v : values) {
            options.append("<option value=\"")
                    .append(Html.escape(v))
                    .append('"')
                    .append(v.equals(chosen) ? " selected" : "")
                    .append('>')
                    .append(Html.escape(v))
                    .append("</option>");
        }
        return "<div><label for=\"s-" + name + "\">" + label + "</label><select id=\"s-" + name + "\" name=\"" + name
                + "\">" + options + "</select></div>";
    }

    private static String value(Context ctx, String name) {
        String v = ctx.queryParam(name);
        return v == null || v.isBlank() ? null : v.trim();
    }
}
