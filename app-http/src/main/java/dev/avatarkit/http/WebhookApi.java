package dev.avatarkit.http;

import dev.avatarkit.core.usecase.HandleProviderEvent;
import io.javalin.http.Context;
import java.util.Collections;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;

/**
 * {@code POST /webhooks/heygen}: no bearer token; the raw body is verified (HMAC, via the HeyGen adapter), the event
 * deduplicated, and the job only kicked so its next step re-reads the status through the authenticated API.
 * A bad signature, or no configured secret, is 401 and changes nothing. {@code OPTIONS} answers at once (HeyGen
 * validates endpoints with a 1 s OPTIONS).
 */
final class WebhookApi {
    /** The answer to a delivery. */
    public record Receipt(String outcome) {}

    private final HandleProviderEvent handler;
    private final long limit;

    WebhookApi(HandleProviderEvent handler, long limit) {
        this.handler = handler;
        this.limit = limit;
    }

    void receive(Context ctx) {
        byte[] body = Bodies.read(ctx, limit);
        Map<String, List<String>> headers = new TreeMap<>(String.CASE_INSENSITIVE_ORDER);
        for (String name : Collections.list(ctx.req().getHeaderNames())) {
            headers.put(name, Collections.list(ctx.req().getHeaders(name)));
        }
        HandleProviderEvent.Outcome outcome = handler.handle(headers, body);
        Responses.json(ctx, 200, Receipt.class, new Receipt(outcome.name().toLowerCase()));
    }

    static void options(Context ctx) {
        ctx.status(204).header("Allow", "POST, OPTIONS");
    }
}
