package dev.avatarkit.sim;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;

/** v3 webhook endpoint CRUD, secret rotation, event types and the delivered-event log. */
final class V3WebhookRoutes {
    private final SimContext ctx;

    V3WebhookRoutes(SimContext ctx) {
        this.ctx = ctx;
    }

    List<Route> routes() {
        Generation g = Generation.V3;
        return List.of(
                new Route("POST", "/v3/webhooks/endpoints", g, true, this::create),
                new Route("GET", "/v3/webhooks/endpoints", g, false, this::list),
                new Route("PATCH", "/v3/webhooks/endpoints/{endpoint_id}", g, false, this::update),
                new Route("DELETE", "/v3/webhooks/endpoints/{endpoint_id}", g, false, this::delete),
                new Route("POST", "/v3/webhooks/endpoints/{endpoint_id}/rotate-secret", g, true, this::rotate),
                new Route("GET", "/v3/webhooks/event-types", g, false, this::eventTypes),
                new Route("GET", "/v3/webhooks/events", g, false, this::events));
    }

    @SuppressWarnings("unchecked")
    private static List<String> events(Map<String, Object> body) {
        Object e = body.get("events");
        return e instanceof List<?> l ? List.copyOf((List<String>) l) : null;
    }

    private SimResponse create(SimRequest req) {
        Map<String, Object> body = req.json();
        if (body == null) return Queries.invalid(null, "Request body must be a JSON object.");
        String url = JsonMaps.str(body, "url");
        if (url == null || !(url.startsWith("https://") || url.startsWith("http://"))) {
            return Queries.invalid("url", "'url' must be an HTTPS URL.");
        }
        WebhookEndpoint e = ctx.hub()
                .register(
                        req.apiKey(),
                        url,
                        events(body),
                        JsonMaps.str(body, "entity_id"),
                        ctx.clock().now());
        return Envelopes.v3(e.toJson(true));
    }

    private SimResponse list(SimRequest req) {
        int limit = Queries.limit(req, 10, 1, 100);
        if (limit < 0) return Queries.badLimit(1, 100);
        List<Map<String, Object>> all = new ArrayList<>();
        for (WebhookEndpoint e : ctx.hub().endpoints(req.apiKey())) all.add(e.toJson(false));
        ListPage<Map<String, Object>> page = ListPage.of(all, limit, req.query.get("token"));
        return page == null ? Queries.badToken() : Envelopes.v3List(page);
    }

    private SimResponse update(SimRequest req) {
        WebhookEndpoint e = ctx.hub().endpoint(req.apiKey(), req.param("endpoint_id"));
        if (e == null) return Envelopes.v3Error(404, "not_found", "Webhook endpoint not found.", null);
        Map<String, Object> body = req.json();
        if (body == null) return Queries.invalid(null, "Request body must be a JSON object.");
        if (JsonMaps.str(body, "url") != null) e.url = JsonMaps.str(body, "url");
        if (body.containsKey("events")) e.events = events(body); // full replacement, as documented
        return Envelopes.v3(e.toJson(false));
    }

    private SimResponse delete(SimRequest req) {
        WebhookEndpoint e = ctx.hub().endpoint(req.apiKey(), req.param("endpoint_id"));
        if (e == null) return Envelopes.v3Error(404, "not_found", "Webhook endpoint not found.", null);
        ctx.hub().delete(e.id);
        return SimResponse.json(200, JsonMaps.obj("data", Map.of(), "error", null));
    }

    private SimResponse rotate(SimRequest req) {
        WebhookEndpoint e = ctx.hub().endpoint(req.apiKey(), req.param("endpoint_id"));
        if (e == null) return Envelopes.v3Error(404, "not_found", "Webhook endpoint not found.", null);
        return Envelopes.v3(
                JsonMaps.obj("endpoint_id", e.id, "secret", ctx.hub().rotate(e)));
    }

    private SimResponse eventTypes(SimRequest req) {
        List<Map<String, Object>> out = new ArrayList<>();
        for (String t : WebhookHub.EVENT_TYPES)
            out.add(JsonMaps.obj("event_type", t, "description", t.replace('.', ' ')));
        return Envelopes.v3(out);
    }

    private SimResponse events(SimRequest req) {
        int limit = Queries.limit(req, 10, 1, 100);
        if (limit < 0) return Queries.badLimit(1, 100);
        ListPage<Map<String, Object>> page = ListPage.of(
                ctx.hub().events(req.query.get("event_type"), req.query.get("entity_id")),
                limit,
                req.query.get("token"));
        return page == null ? Queries.badToken() : Envelopes.v3List(page);
    }
}
