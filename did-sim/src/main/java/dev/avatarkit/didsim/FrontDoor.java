package dev.avatarkit.didsim;

import com.sun.net.httpserver.HttpExchange;
import com.sun.net.httpserver.HttpHandler;
import java.io.IOException;
import java.io.InputStream;
import java.util.Arrays;
import java.util.List;
import java.util.Map;

/**
 * The one handler: route, auth, "before" faults, the schema gate, the route, "after" faults. Gates and "before"
 * faults answer without touching state, so nothing is created on a 401, a 429 or a 400.
 */
final class FrontDoor implements HttpHandler {
    /** Larger than D-ID's biggest upload (10 MB image) plus multipart overhead; anything bigger is refused unread. */
    static final int MAX_BODY_BYTES = 12 * 1024 * 1024;

    private final List<Route> routes;
    private final String apiKey;
    private final Faults faults;
    private final Stats stats;
    private final DidSchema schema;
    private final boolean lenient;

    FrontDoor(List<Route> routes, String apiKey, Faults faults, Stats stats, DidSchema schema, boolean lenient) {
        this.routes = routes;
        this.apiKey = apiKey;
        this.faults = faults;
        this.stats = stats;
        this.schema = schema;
        this.lenient = lenient;
    }

    @Override
    public void handle(HttpExchange ex) throws IOException {
        try (ex) {
            byte[] body = readCapped(ex.getRequestBody());
            if (body == null) {
                write(ex, Reply.json(413, SimJson.object().put("message", "Request Too Long")));
                return;
            }
            Call call = new Call(
                    ex.getRequestMethod(),
                    ex.getRequestURI().getRawPath(),
                    ex.getRequestURI().getRawQuery(),
                    ex.getRequestHeaders(),
                    body);
            Reply reply = dispatch(call);
            if (reply != null) write(ex, reply);
        } catch (IOException e) {
            // the client went away; nothing to answer
        }
    }

    /** The reply, or null when the connection is to be dropped without one (a reset fault). */
    private Reply dispatch(Call call) {
        for (Route r : routes) {
            Map<String, String> params = r.match(call.method, call.path);
            if (params != null) {
                call.route = r;
                call.params = params;
                break;
            }
        }
        stats.request(call.routeKey());
        if (call.route == null) return Reply.error(404, "NotFoundError", "no route " + call.method + " " + call.path);
        if (call.route.api()) {
            String key = presentedKey(call.header("Authorization"));
            if (key == null || !key.equals(apiKey))
                return Reply.error(401, "AuthorizationError", "user unauthenticated");
            call.owner = Ids.ownerOf(key);
        }
        List<FaultRule> fired = faults.fire(call.route);
        fired.forEach(f -> stats.fault(f.kind()));
        for (FaultRule f : fired) {
            if (f.kind().when == FaultKind.When.BEFORE) return FaultReplies.before(f);
            if (f.kind() == FaultKind.REJECT_RENDER) call.ending = Timeline.Ending.REJECTED;
            if (f.kind() == FaultKind.FAIL_RENDER) call.ending = Timeline.Ending.ERROR;
            if (f.kind().name().startsWith("WEBHOOK_")) call.webhookFault = f;
        }
        if (call.route.api()) {
            List<FieldError> errors = schema
                    .request(call.method, call.route.template(), call.query, call.header("Content-Type"), call.body)
                    .stream()
                    .filter(e -> !loopbackWebhook(e, call))
                    .toList();
            if (!errors.isEmpty()) {
                stats.schemaViolation();
                if (!lenient) return validationError(errors);
            }
        }
        Reply reply = run(call);
        for (FaultRule f : fired) {
            if (f.kind().when == FaultKind.When.AFTER) reply = FaultReplies.after(f, reply);
        }
        return reply;
    }

    private static Reply run(Call call) {
        try {
            return call.route.handler().handle(call);
        } catch (RuntimeException e) {
            return Reply.error(500, "InternalServerError", "simulator bug: " + e);
        }
    }

    /**
     * The one waiver of the schema: D-ID wants {@code https} webhooks, but a sandbox's receiver is a plain-http server
     * on this machine, which D-ID could never reach anyway; so {@code http://127.0.0.1…}/{@code http://localhost…} pass.
     */
    private static boolean loopbackWebhook(FieldError e, Call call) {
        String hook = "webhook".equals(e.field()) ? SimJson.text(call.json(), "webhook") : null;
        return hook != null && hook.matches("http://(127\\.0\\.0\\.1|localhost)(:\\d+)?(/\\S*)?");
    }

    /**
     * D-ID's error body for a request that breaks the schema: the first bad field in the description, all of them in
     * {@code details}. The OpenAPI documents only {@code BadRequestError} examples for 400; validation failures use
     * {@code ValidationError} (see README, "Fidelity decisions").
     */
    static Reply validationError(List<FieldError> errors) {
        FieldError first = errors.get(0);
        var details = SimJson.object().put("field", first.field());
        var list = details.putArray("errors");
        errors.forEach(e -> list.addObject().put("field", e.field()).put("message", e.message()));
        return Reply.error(400, "ValidationError", first.toString(), details);
    }

    /**
     * The key after {@code Basic }, compared verbatim: D-ID's keys already look like {@code user:password} and its docs
     * send them as they are, not base64-encoded again (second-provider.md A2). Any other scheme is no key at all.
     */
    static String presentedKey(String authorization) {
        if (authorization == null || !authorization.regionMatches(true, 0, "Basic ", 0, 6)) return null;
        String key = authorization.substring(6).trim();
        return key.isEmpty() ? null : key;
    }

    private static byte[] readCapped(InputStream in) throws IOException {
        byte[] body = in.readNBytes(MAX_BODY_BYTES + 1);
        return body.length > MAX_BODY_BYTES ? null : body;
    }

    private static void write(HttpExchange ex, Reply reply) throws IOException {
        if (reply == FaultReplies.DROP) {
            return; // closing the exchange without headers drops the connection: the client sees a reset / EOF
        }
        reply.headers.forEach((k, v) -> ex.getResponseHeaders().set(k, v));
        if (reply.contentType != null) ex.getResponseHeaders().set("Content-Type", reply.contentType);
        ex.getResponseHeaders().set("x-request-id", Ids.next("req_").substring(0, 16));
        boolean empty = reply.bytes.length == 0 || "HEAD".equals(ex.getRequestMethod());
        ex.sendResponseHeaders(reply.status, empty ? -1 : reply.bytes.length);
        if (!empty) ex.getResponseBody().write(reply.bytes);
    }

    static byte[] half(byte[] bytes) {
        return Arrays.copyOf(bytes, Math.max(1, bytes.length / 2));
    }
}
