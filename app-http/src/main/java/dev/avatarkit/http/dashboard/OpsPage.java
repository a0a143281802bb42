package dev.avatarkit.http.dashboard;

import dev.avatarkit.core.port.ProviderCapabilities;
import io.javalin.http.Context;
import java.util.Locale;

/** Ops: per provider, what it can do, its account credit, its queue and renders in flight. */
final class OpsPage {
    private final OpsData data;

    OpsPage(OpsData data) {
        this.data = data;
    }

    void show(Context ctx) {
        StringBuilder cards = new StringBuilder();
        for (OpsData.ProviderView p : data.providers()) {
            StringBuilder features = new StringBuilder();
            for (ProviderCapabilities.Feature f : ProviderCapabilities.Feature.values()) {
                boolean has = p.capabilities().has(f);
                features.append("<li class=\"")
                        .append(has ? "yes" : "no")
                        .append("\">")
                        .append(has ? "✓ " : "✗ ")
                        .append(f.wireName().replace('_', ' '))
                        .append("<span class=\"visually-hidden\">")
                        .append(has ? " (available)" : " (not available)")
                        .append("</span></li>");
            }
            String account = p.account() == null
                    ? Html.escape(p.accountNote())
                    : Html.escape(String.format(
                            Locale.ROOT,
                            "%s · plan %s · %.2f %s left · %d renders at once",
                            p.account().name(),
                            p.account().plan(),
                            p.account().remaining(),
                            p.account().unit(),
                            p.account().maxConcurrency()));
            cards.append("""
                    <li class="card"><h2>%s</h2>
                    <dl class="facts"><dt>Queued</dt><dd id="ops-queued">%d</dd><dt>In flight</dt><dd id="ops-inflight">%d of %d</dd>
                    <dt>Account</dt><dd id="ops-account">%s</dd>
                    <dt>Idempotent creates</dt><dd>%s</dd><dt>Bulk status</dt><dd>%s</dd><dt>Script limit</dt><dd>%d characters</dd></dl>
                    <h3>Features</h3><ul class="features">%s</ul></li>""".formatted(
                            Html.escape(p.name()),
                            p.queued(),
                            p.inFlight(),
                            p.capabilities().maxConcurrency(),
                            account,
                            yes(p.capabilities().idempotentCreate()),
                            yes(p.capabilities().bulkStatus()),
                            p.capabilities().maxScriptChars(),
                            features));
        }
        ctx.html(Pages.page(
                "Ops",
                Guard.session(ctx),
                "ops",
                "",
                "<div id=\"ops-live\" data-live><ul class=\"cards\">" + cards + "</ul></div>"));
    }

    private static String yes(boolean b) {
        return b ? "yes" : "no";
    }
}
