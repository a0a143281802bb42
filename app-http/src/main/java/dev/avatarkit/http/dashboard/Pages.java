package dev.avatarkit.http.dashboard;

import dev.avatarkit.core.domain.JobState;
import io.javalin.http.Context;

/** The page shell every dashboard page shares: head, skip link, navigation, sign-out form, live-update script. */
final class Pages {
    private static final String[][] NAV = {
        {"jobs", "Jobs"}, {"batches", "Batches"}, {"influencers", "Influencers"}, {"ops", "Ops"}
    };

    private Pages() {}

    /**
     * A full page. {@code body} is trusted markup built in this package from escaped values; {@code live} is the SSE
     * filter the script listens with ({@code ""} for all jobs, {@code "job=ID"}, {@code "batch=ID"}) or null for none.
     */
    static String page(String title, Sessions.Session session, String section, String live, String body) {
        StringBuilder nav = new StringBuilder();
        for (String[] item : NAV) {
            String current = item[0].equals(section) ? " aria-current=\"page\"" : "";
            nav.append("<li><a href=\"")
                    .append(Dashboard.ROOT)
                    .append('/')
                    .append(item[0])
                    .append('"')
                    .append(current)
                    .append('>')
                    .append(item[1])
                    .append("</a></li>");
        }
        String liveAttr = live == null ? "" : " data-live-events=\"" + Html.escape(live) + "\"";
        return head(title)
                + """
                <body data-csrf="%s"%s>
                <a class="skip" href="#main">Skip to content</a>
                <header class="top"><a class="brand" href="%s/jobs">avatarkit</a>
                <nav aria-label="Main"><ul>%s</ul></nav>
                <form method="post" action="%s/signout" class="signout"><input type="hidden" name="csrf" value="%s">
                <button type="submit">Sign out</button></form></header>
                <main id="main" tabindex="-1"><h1>%s</h1>
                %s
                </main>
                <p id="live-status" class="live-status" role="status" aria-live="polite"></p>
                <script src="%s/static/app.js"></script>
                </body></html>
                """.formatted(
                                Html.escape(session.csrf()),
                                liveAttr,
                                Dashboard.ROOT,
                                nav,
                                Dashboard.ROOT,
                                Html.escape(session.csrf()),
                                Html.escape(title),
                                body,
                                Dashboard.ROOT);
    }

    /** A page without navigation: sign-in, refusals, errors (no session is needed to read it). */
    static String bare(String title, String body) {
        return head(title) + """
                <body><main id="main" class="narrow"><h1>%s</h1>
                %s
                </main></body></html>
                """.formatted(Html.escape(title), body);
    }

    static String error(String title, String message) {
        return bare(
                title,
                "<p class=\"error\" role=\"alert\">" + Html.escape(message) + "</p>" + "<p><a href=\"" + Dashboard.ROOT
                        + "/jobs\">Back to the jobs</a></p>");
    }

    private static String head(String title) {
        return """
                <!doctype html>
                <html lang="en"><head><meta charset="utf-8">
                <meta name="viewport" content="width=device-width, initial-scale=1">
                <title>%s · avatarkit</title>
                <link rel="stylesheet" href="%s/static/app.css">
                </head>
                """.formatted(Html.escape(title), Dashboard.ROOT);
    }

    /** A state as a labelled badge; the colour is a hint only, the word is always there. */
    static String state(JobState state) {
        return "<span class=\"state state-" + state.name().toLowerCase() + "\">" + state.name() + "</span>";
    }

    /** A POST button with the CSRF token: the only way the dashboard changes anything. */
    static String action(Sessions.Session session, String path, String label) {
        return "<form method=\"post\" action=\"" + Html.escape(path) + "\" class=\"inline\">"
                + "<input type=\"hidden\" name=\"csrf\" value=\"" + Html.escape(session.csrf()) + "\">"
                + "<button type=\"submit\">" + Html.escape(label) + "</button></form>";
    }

    /**
     * Pages are private and change under the user: no caching, no framing, no scripts or styles but our own, no
     * referrer leaking job ids to other sites.
     */
    static void secureHeaders(Context ctx) {
        ctx.header("Cache-Control", "no-store");
        ctx.header("X-Content-Type-Options", "nosniff");
        ctx.header("Referrer-Policy", "no-referrer");
        ctx.header("X-Frame-Options", "DENY");
        ctx.header(
                "Content-Security-Policy",
                "default-src 'self'; img-src 'self' data:; media-src 'self';"
                        + " style-src 'self'; script-src 'self'; frame-ancestors 'none'; form-action 'self'; base-uri 'none'");
    }
}
