package dev.avatarkit.http;

import com.squareup.moshi.JsonAdapter;
import dev.avatarkit.core.domain.JobConflictException;
import dev.avatarkit.core.domain.JobNotFoundException;
import dev.avatarkit.core.domain.ValidationException;
import dev.avatarkit.core.port.InvalidRequestException;
import dev.avatarkit.core.port.NotFoundException;
import dev.avatarkit.core.port.ProviderException;
import dev.avatarkit.core.port.ProviderUnavailableException;
import dev.avatarkit.core.port.RateLimitedException;
import dev.avatarkit.core.port.StaleJobException;
import dev.avatarkit.core.port.StorageException;
import dev.avatarkit.core.port.WebhookRejectedException;
import dev.avatarkit.runtime.json.Json;
import io.javalin.Javalin;
import io.javalin.http.Context;
import io.javalin.http.HttpStatus;
import org.eclipse.jetty.io.EofException;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Every failure becomes an {@code application/problem+json} document. Validation names the field (422); our own
 * 404/405/413/415 are problems too. Provider trouble is the server's, not the client's: 502/503.
 */
final class Problems {
    private static final Logger LOG = LoggerFactory.getLogger(Problems.class);
    private static final JsonAdapter<Problem> ADAPTER = Json.moshi().adapter(Problem.class);

    private Problems() {}

    /** @param auth authenticates requests for unknown {@code /v1} paths and methods before they learn it (401/403) */
    static void install(Javalin app, BearerAuth auth) {
        app.exception(Exception.class, (e, ctx) -> write(ctx, toProblem(e, ctx)));
        app.error(404, ctx -> {
            if (!isProblem(ctx) && !refused(ctx, auth))
                write(
                        ctx,
                        Problem.of(404, "not-found", "Not found", "no route " + ctx.method() + " " + ctx.path(), null));
        });
        app.error(405, ctx -> {
            if (!isProblem(ctx) && !refused(ctx, auth))
                write(
                        ctx,
                        Problem.of(
                                405,
                                "method-not-allowed",
                                "Method not allowed",
                                ctx.method() + " is not allowed on " + ctx.path(),
                                null));
        });
        app.error(413, ctx -> {
            if (!isProblem(ctx))
                write(ctx, Problem.of(413, "too-large", "Payload too large", "the request body is too large", null));
        });
        app.error(500, ctx -> {
            if (!isProblem(ctx))
                write(
                        ctx,
                        Problem.of(500, "internal", "Internal error", "the server failed; the error is logged", null));
        });
    }

    /** A request under {@code /v1} without an accepted token: answered 401/403 (true), as a matched route would. */
    private static boolean refused(Context ctx, BearerAuth auth) {
        if (!BearerAuth.guards(ctx.path())) return false;
        try {
            auth.handle(ctx);
            return false;
        } catch (ProblemException e) {
            write(ctx, toProblem(e, ctx));
            return true;
        }
    }

    static void write(Context ctx, Problem problem) {
        Responses.send(ctx, problem.status(), Problem.CONTENT_TYPE, json(problem));
    }

    static String json(Problem problem) {
        return ADAPTER.toJson(problem);
    }

    /** The response already carries its error body: a problem document, or one of the dashboard's HTML pages. */
    private static boolean isProblem(Context ctx) {
        String type = ctx.res().getContentType();
        return type != null && (type.startsWith(Problem.CONTENT_TYPE) || type.startsWith("text/html"));
    }

    static Problem toProblem(Exception e, Context ctx) {
        if (e instanceof ProblemException p) {
            p.headers().forEach(ctx::header);
            return p.problem();
        }
        if (e instanceof ValidationException v) {
            return Problem.of(422, "validation", "Invalid request", v.getMessage(), v.field());
        }
        if (e instanceof JobNotFoundException)
            return Problem.of(404, "job-not-found", "Job not found", e.getMessage(), "id");
        if (e instanceof StaleJobException) {
            return Problem.of(
                    409, "job-changed", "Job changed", "the job changed while this request ran; try again", "id");
        }
        if (e instanceof JobConflictException)
            return Problem.of(409, "job-conflict", "Job state conflict", e.getMessage(), null);
        if (e instanceof WebhookRejectedException) {
            return Problem.of(401, "webhook-rejected", "Webhook rejected", e.getMessage(), null);
        }
        if (e instanceof StorageException s && s.reason() == StorageException.Reason.NOT_FOUND) {
            return Problem.of(404, "asset-not-found", "Asset not found", "the asset is not in the store", "kind");
        }
        if (e instanceof ProviderException p) return provider(p, ctx);
        if (clientGone(e)) return Bodies.cutOff(e).problem(); // an aborted upload or download: not a server error
        if (e instanceof io.javalin.http.HttpResponseException h) {
            int status = h.getStatus();
            return Problem.of(
                    status, "http-" + status, HttpStatus.forStatus(status).getMessage(), h.getMessage(), null);
        }
        LOG.error("unhandled error on {} {}", ctx.method(), ctx.path(), e);
        return Problem.of(500, "internal", "Internal error", "the server failed; the error is logged", null);
    }

    /** Jetty's EofException anywhere in the chain: the client closed the connection while we read or wrote. */
    private static boolean clientGone(Throwable e) {
        for (Throwable t = e; t != null; t = t.getCause()) {
            if (t instanceof EofException) return true;
        }
        return false;
    }

    private static Problem provider(ProviderException p, Context ctx) {
        if (p instanceof NotFoundException) {
            return Problem.of(404, "provider-not-found", "Not found at the provider", p.getMessage(), "templateId");
        }
        if (p instanceof InvalidRequestException i) {
            return Problem.of(422, "provider-rejected", "The provider rejected the request", p.getMessage(), i.param());
        }
        if (p instanceof RateLimitedException r) {
            if (r.retryAfter() != null)
                ctx.header(
                        "Retry-After", Long.toString(Math.max(1, r.retryAfter().toSeconds())));
            return Problem.of(503, "provider-rate-limited", "Provider rate limit", p.getMessage(), null);
        }
        if (p instanceof ProviderUnavailableException) {
            return Problem.of(503, "provider-unavailable", "Provider unavailable", p.getMessage(), null);
        }
        LOG.warn("provider error {} ({}): {}", p.code(), p.httpStatus(), p.getMessage());
        return Problem.of(502, "provider-error", "Provider error", p.code() + ": " + p.getMessage(), null);
    }
}
