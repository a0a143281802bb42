package dev.avatarkit.http.dashboard;

import dev.avatarkit.core.domain.JobConflictException;
import dev.avatarkit.core.domain.JobNotFoundException;
import dev.avatarkit.core.domain.ValidationException;
import dev.avatarkit.core.port.ProviderException;
import dev.avatarkit.runtime.Secret;
import io.javalin.Javalin;
import io.javalin.http.Context;
import io.javalin.http.Handler;
import io.javalin.http.HandlerType;
import java.net.URI;
import java.time.Duration;
import java.util.List;
import org.eclipse.jetty.http.BadMessageException;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The web dashboard under {@code /dash}: server-rendered pages for jobs, batches, influencers and ops, signed in
 * with an API token (then a session cookie), live through the server's own job-event stream. Every handler's
 * failure becomes a page people read (never problem JSON); the JSON API is untouched and keeps its bearer tokens.
 */
public final class Dashboard {
    static final String ROOT = "/dash";
    private static final Logger LOG = LoggerFactory.getLogger(Dashboard.class);

    /** An SSE handler that needs to know which API token the session signed in with (per-token stream caps). */
    @FunctionalInterface
    public interface TokenHandler {
        void handle(Context ctx, int token) throws Exception;
    }

    /** What the dashboard borrows from the API server: its job-event stream, its asset download, its queue caps. */
    public record Bridge(TokenHandler events, Handler asset, Admit admit) {}

    private final DashboardParts parts;
    private final Sessions sessions;
    private final TokenCheck tokens;
    private final boolean httpsOnly;

    Dashboard(DashboardParts parts, Sessions sessions, TokenCheck tokens, boolean httpsOnly) {
        this.parts = parts;
        this.sessions = sessions;
        this.tokens = tokens;
        this.httpsOnly = httpsOnly;
    }

    /** Sessions last 8 hours, at most 1,000 at once; cookies are {@code Secure} when the public URL is https. */
    public static Dashboard create(DashboardParts parts, List<Secret> tokens, URI publicUrl) {
        return new Dashboard(
                parts,
                new Sessions(1000, Duration.ofHours(8), parts.clock()),
                new TokenCheck(tokens),
                publicUrl != null && "https".equalsIgnoreCase(publicUrl.getScheme()));
    }

    public void register(Javalin app, Bridge bridge) {
        SignIn signIn = new SignIn(sessions, tokens, httpsOnly);
        JobPages jobs = new JobPages(parts);
        BatchPages batches = new BatchPages(parts, bridge.admit());
        InfluencerPages influencers = new InfluencerPages(parts, bridge.admit());
        OpsPage ops = new OpsPage(new OpsData(parts.providers(), parts.jobs()));
        Guard guard = new Guard(sessions);
        app.before(ROOT, guard);
        app.before(ROOT + "/*", guard);

        get(app, "", ctx -> ctx.redirect(ROOT + "/jobs", io.javalin.http.HttpStatus.SEE_OTHER));
        get(app, "/static/{file}", StaticFiles::serve);
        get(app, "/signin", signIn::form);
        post(app, "/signin", signIn::signIn);
        post(app, "/signout", signIn::signOut);
        get(
                app,
                "/events",
                ctx -> bridge.events().handle(ctx, Guard.session(ctx).token()));
        get(app, "/jobs", jobs::list);
        get(app, "/jobs/{id}", jobs::show);
        post(app, "/jobs/{id}/retry", jobs::retry);
        post(app, "/jobs/{id}/cancel", jobs::cancel);
        get(app, "/jobs/{id}/assets/{kind}", bridge.asset());
        get(app, "/batches", batches::list);
        get(app, "/batches/new", batches::uploadForm);
        post(app, "/batches/preview", batches::preview);
        post(app, "/batches", batches::submit);
        get(app, "/batches/{id}", batches::show);
        post(app, "/batches/{id}/retry-failed", batches::retryFailed);
        get(app, "/influencers", influencers::list);
        get(app, "/influencers/new", influencers::form);
        post(app, "/influencers/plan", influencers::plan);
        post(app, "/influencers", influencers::create);
        get(app, "/influencers/{id}", influencers::show);
        get(app, "/influencers/{id}/contact-sheet.png", influencers::contactSheet);
        post(app, "/influencers/{id}/retry-failed", influencers::retryFailed);
        get(app, "/ops", ops::show);
    }

    private static void get(Javalin app, String path, Handler handler) {
        app.addHttpHandler(HandlerType.GET, ROOT + path, readable(handler));
    }

    private static void post(Javalin app, String path, Handler handler) {
        app.addHttpHandler(HandlerType.POST, ROOT + path, readable(handler));
    }

    /** Failures as pages with the message people need, and the status a script would expect. */
    private static Handler readable(Handler handler) {
        return ctx -> {
            try {
                handler.handle(ctx);
            } catch (JobNotFoundException | NotFound e) {
                ctx.status(404).html(Pages.error("Not found", e.getMessage()));
            } catch (ValidationException e) {
                ctx.status(422).html(Pages.error("Please check the input", e.getMessage()));
            } catch (Admit.QueueFull e) {
                ctx.status(429).header("Retry-After", "30").html(Pages.error("Too much work queued", e.getMessage()));
            } catch (JobConflictException e) {
                ctx.status(409).html(Pages.error("Not possible now", e.getMessage()));
            } catch (BadMessageException e) {
                // Jetty refused the request body (too slow, too big): the client's side, not a crash
                ctx.status(e.getCode())
                        .html(Pages.error(
                                "The request could not be read",
                                "The form arrived too slowly or was too large; try again."));
            } catch (ProviderException e) {
                LOG.warn("dashboard: provider refused {} {}: {}", ctx.method(), ctx.path(), e.getMessage());
                ctx.status(502).html(Pages.error("The provider did not answer", e.getMessage()));
            } catch (RuntimeException e) {
                LOG.error("dashboard: {} {} failed", ctx.method(), ctx.path(), e);
                ctx.status(500)
                        .html(Pages.error(
                                "Something went wrong",
                                "The server could not show this page; the error is in its log."));
            }
        };
    }
}
