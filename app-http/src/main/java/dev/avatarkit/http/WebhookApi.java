package dev.avatarkit.http;

import dev.avatarkit.core.usecase.HandleProviderEvent;
import io.javalin.http.Context;
import java.util.Collections;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;

/**
 * {@code POST /webhooks/{provider}}: no bearer token; the raw body is received without a server thread and within a
 * deadline ({@link AsyncBodies}: anyone can reach this route), verified by that provider's own verifier (HeyGen: HMAC;
 * an unsigned provider's delivery is only a hint), the event
 * deduplicated, and the job only kicked so its next step re-reads the status through the authenticated API.
 * A bad signature, or no configured secret, is 401 and changes nothing. {@code OPTIONS} answers at once (HeyGen
 * validates endpoints with a 1 s OPTIONS).
 */
final class WebhookApi {
    /** The answer to a delivery. */
    public record Receipt(String outcome) {}

    private final HandleProviderEvent handler;
    private final long limit;
    private final AsyncBodies bodies;

    WebhookApi(HandleProviderEvent handler, long limit, AsyncBodies bodies) {
        this.handler = handler;
        this.limit = limit;
        this.bodies = bodies;
    }

    void receive(Context ctx) {
        if (ctx.req().getContentLengthLong() > limit) throw Bodies.tooLarge(limit);
        String provider = ctx.pathParam("provider");
        Map<String, List<String>> headers = new TreeMap<>(String.CASE_INSENSITIVE_ORDER);
        for (String name : Collections.list(ctx.req().getHeaderNames())) {
            headers.put(name, Collections.list(ctx.req().getHeaders(name)));
        }
        bodies.claim();
        ctx.future(() -> bodies.read(ctx.req(), limit).thenAccept(body -> {
            HandleProviderEvent.Outcome outcome = handler.handle(provider, headers, body);
            Responses.json(ctx, 200, Receipt.class, new Receipt(outcome.name().toLowerCase()));
        }));
    }

    static void options(Context ctx) {
        ctx.status(204).header("Allow", "POST, OPTIONS");
    }
}
