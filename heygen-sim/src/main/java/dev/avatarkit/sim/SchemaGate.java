package dev.avatarkit.sim;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * Holds API requests to HeyGen's published schema ({@link WireSchema}) at the front door: a violation is a 400 in the
 * route's error shape, v3 naming the field in {@code param} as HeyGen does. Lenient mode (the simulator before issue 18)
 * still checks and logs, but lets the request through to the route's own checks, for fault tests that send odd input.
 */
record SchemaGate(WireSchema schema, boolean lenient, WireLog log) {

    /** The request's violations (empty for {@code /_sim/*} and for routes the schemas do not cover). */
    List<Violation> check(SimRequest req, Generation gen) {
        if (gen == Generation.SIM || req.route == null) return List.of();
        return schema.request(
                req.method, req.route.template(), req.query, req::header, req.header("Content-Type"), req.body);
    }

    /** The 400 to answer with, or null to go on. */
    SimResponse reject(List<Violation> violations, Generation gen) {
        if (lenient || violations.isEmpty()) return null;
        Violation first = violations.get(0);
        String message = first.param().isEmpty()
                ? first.message()
                : "Invalid parameter '" + first.param() + "': " + first.message();
        return switch (gen) {
            case V3 ->
                Envelopes.v3Error(
                        400, "invalid_parameter", message, first.param().isEmpty() ? null : first.param());
            case V2 -> Envelopes.v2Error(400, "invalid_parameter", message);
            default -> Envelopes.v1Error(400, Envelopes.v1Code("invalid_parameter"), message);
        };
    }

    /** Logs the exchange with the schema's view of both sides. */
    void record(SimRequest req, Generation gen, List<Violation> requestViolations, SimResponse resp) {
        if (gen == Generation.SIM) return;
        String template = req.route == null ? req.path : req.route.template();
        List<Violation> answer = req.route != null && resp.isJson()
                ? schema.response(req.method, template, resp.status, resp.headers.get("Content-Type"), resp.bytes)
                : List.of();
        Map<String, String> headers = new LinkedHashMap<>();
        req.headers.forEach((k, v) -> {
            if (!k.equalsIgnoreCase("X-Api-Key") && !k.equalsIgnoreCase("Authorization"))
                headers.put(k, String.join(",", v));
        });
        String contentType = req.header("Content-Type");
        log.add(new WireLog.Exchange(
                req.method,
                template,
                req.method + " " + template,
                Map.copyOf(req.query),
                headers,
                contentType,
                WireLog.keepable(contentType, req.body),
                resp.status,
                requestViolations,
                answer));
    }
}
