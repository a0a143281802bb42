package dev.avatarkit.http.dashboard;

import io.javalin.http.Context;
import io.javalin.http.Cookie;
import io.javalin.http.SameSite;
import java.util.OptionalInt;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Sign-in with an API token typed into a form (POSTed, so it is never in a URL, history or access log) → a session
 * cookie ({@code HttpOnly; SameSite=Strict; Path=/}, {@code Secure} over https, expiring with the session). The
 * token itself is neither stored nor logged nor echoed back into the form after a failure.
 */
final class SignIn {
    private static final Logger LOG = LoggerFactory.getLogger(SignIn.class);
    private final Sessions sessions;
    private final TokenCheck tokens;
    private final boolean httpsOnly;

    SignIn(Sessions sessions, TokenCheck tokens, boolean httpsOnly) {
        this.sessions = sessions;
        this.tokens = tokens;
        this.httpsOnly = httpsOnly;
    }

    void form(Context ctx) {
        ctx.html(page(null));
    }

    void signIn(Context ctx) {
        OptionalInt match = tokens.match(ctx.formParam("token"));
        if (match.isEmpty()) {
            LOG.info("dashboard sign-in refused from {}", ctx.ip());
            ctx.status(401)
                    .html(page("That token is not accepted here. Use one of the server's API tokens"
                            + " (AVATARKIT_HTTP_TOKENS or the tokens file)."));
            return;
        }
        Sessions.Session session = sessions.open(match.getAsInt());
        Cookie cookie = new Cookie(
                Guard.COOKIE,
                session.id(),
                "/",
                (int) sessions.ttl().toSeconds(),
                httpsOnly || "https".equalsIgnoreCase(ctx.scheme()),
                0,
                true,
                null,
                null,
                SameSite.STRICT);
        ctx.cookie(cookie);
        LOG.info("dashboard sign-in with token #{}", session.token() + 1);
        ctx.redirect(Dashboard.ROOT + "/jobs", io.javalin.http.HttpStatus.SEE_OTHER);
    }

    void signOut(Context ctx) {
        sessions.close(Guard.session(ctx).id());
        ctx.removeCookie(Guard.COOKIE, "/");
        ctx.redirect(Dashboard.ROOT + "/signin", io.javalin.http.HttpStatus.SEE_OTHER);
    }

    private static String page(String error) {
        String alert = error == null
                ? ""
                : "<p class=\"error\" role=\"alert\" id=\"signin-error\">" + Html.escape(error) + "</p>";
        return Pages.bare(
                "Sign in", alert + """
                <p>Sign in with one of this server's API tokens (the same bearer tokens the JSON API takes).</p>
                <form method="post" action="%s/signin" class="stack">
                <label for="token">API token</label>
                <input id="token" name="token" type="password" autocomplete="current-password" required
                 aria-describedby="token-help"%s>
                <p id="token-help" class="help">It is sent once, in this form; the browser keeps only a session cookie.</p>
                <button type="submit">Sign in</button>
                </form>
                """.formatted(Dashboard.ROOT, error == null ? "" : " aria-invalid=\"true\""));
    }
}
