package dev.avatarkit.http.dashboard;

import io.javalin.http.Context;
import io.javalin.http.Handler;
import io.javalin.http.HandlerType;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.util.Optional;
import java.util.Set;

/**
 * Runs before every dashboard route: without a live session a page answers 303 to the sign-in page; with one, the
 * session rides on the request, and a POST must carry the session's CSRF token (form field {@code csrf} or header
 * {@code X-CSRF-Token}) or it is refused with a 403 page and does nothing. The sign-in form itself has no session
 * yet, so a POST to it must come from this origin (Origin / Sec-Fetch-Site), which stops login CSRF.
 */
final class Guard implements Handler {
    static final String COOKIE = "avatarkit_session";
    private static final String ATTRIBUTE = "avatarkit.dashboard.session";
    private static final Set<String> OPEN = Set.of(Dashboard.ROOT + "/signin");

    private final Sessions sessions;

    Guard(Sessions sessions) {
        this.sessions = sessions;
    }

    @Override
    public void handle(Context ctx) {
        Pages.secureHeaders(ctx);
        String path = ctx.path();
        if (path.startsWith(Dashboard.ROOT + "/static/")) return;
        if (OPEN.contains(path)) {
            if (ctx.method() == HandlerType.POST && !sameOrigin(ctx))
                refuse(ctx, "This sign-in did not come from this site's own form.");
            return;
        }
        Optional<Sessions.Session> session = sessions.find(ctx.cookie(COOKIE));
        if (session.isEmpty()) {
            ctx.status(303).header("Location", Dashboard.ROOT + "/signin");
            ctx.skipRemainingHandlers();
            return;
        }
        if (ctx.method() == HandlerType.POST && !csrfMatches(ctx, session.get())) {
            refuse(
                    ctx,
                    "The form was missing its security token, or it came from another page or an old session. Reload the page and try again.");
            return;
        }
        ctx.attribute(ATTRIBUTE, session.get());
    }

    static Sessions.Session session(Context ctx) {
        Sessions.Session session = ctx.attribute(ATTRIBUTE);
        if (session == null) throw new IllegalStateException("no dashboard session on " + ctx.path());
        return session;
    }

    private static boolean csrfMatches(Context ctx, Sessions.Session session) {
        String given = ctx.header("X-CSRF-Token");
        if (given == null) given = ctx.formParam("csrf");
        return given != null
                && MessageDigest.isEqual(
                        given.getBytes(StandardCharsets.UTF_8), session.csrf().getBytes(StandardCharsets.UTF_8));
    }

    /**
     * A browser names where a POST came from: {@code Sec-Fetch-Site} where it sends one, else {@code Origin}, which
     * must be this server as the request reached it. Neither header (curl, old clients) is allowed: without a session
     * cookie such a request can only sign itself in.
     */
    private static boolean sameOrigin(Context ctx) {
        String site = ctx.header("Sec-Fetch-Site");
        if (site != null) return site.equals("same-origin") || site.equals("none");
        String origin = ctx.header("Origin");
        if (origin == null) return true;
        var req = ctx.req();
        int port = req.getServerPort();
        boolean defaultPort =
                (port == 80 && "http".equals(req.getScheme())) || (port == 443 && "https".equals(req.getScheme()));
        return origin.equalsIgnoreCase(req.getScheme() + "://" + req.getServerName() + (defaultPort ? "" : ":" + port));
    }

    private static void refuse(Context ctx, String why) {
        ctx.status(403).html(Pages.error("Refused", why));
        ctx.skipRemainingHandlers();
    }
}
