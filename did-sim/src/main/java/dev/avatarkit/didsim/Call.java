package dev.avatarkit.didsim;

import java.net.URLDecoder;
import java.nio.charset.StandardCharsets;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import tools.jackson.databind.JsonNode;

/**
 * One API request as the routes see it: method, path, decoded query, headers (case-insensitive), raw body, and the
 * path parameters and caller filled in by the front door.
 */
final class Call {
    final String method;
    final String path;
    final Map<String, String> query;
    final byte[] body;
    private final Map<String, List<String>> headers;
    Map<String, String> params = Map.of();
    Route route;
    /** The D-ID user the key belongs to ({@code created_by}, {@code user_id}): derived from the key, never the key. */
    String owner;
    /** How a render this call creates will end (a {@code reject_render} or {@code fail_render} fault changes it). */
    Timeline.Ending ending = Timeline.Ending.DONE;
    /** A {@code webhook_*} fault for the render this call creates, or null for one plain delivery. */
    FaultRule webhookFault;

    private JsonNode json;

    Call(String method, String path, String rawQuery, Map<String, List<String>> headers, byte[] body) {
        this.method = method;
        this.path = path;
        this.query = parseQuery(rawQuery);
        this.headers = headers;
        this.body = body;
    }

    /** The first value of a header; the JDK server's header map already ignores case. */
    String header(String name) {
        List<String> v = headers.get(name);
        return v == null || v.isEmpty() ? null : v.get(0);
    }

    String param(String name) {
        return params.get(name);
    }

    /** The body as JSON (an empty object for an empty body); the schema gate has already checked its shape. */
    JsonNode json() {
        if (json == null) {
            JsonNode parsed = body.length == 0 ? null : SimJson.parse(body);
            json = parsed == null ? SimJson.object() : parsed;
        }
        return json;
    }

    /** e.g. {@code POST /talks}: the key faults and counters use. */
    String routeKey() {
        return route == null ? method + " " + path : route.key();
    }

    private static Map<String, String> parseQuery(String raw) {
        Map<String, String> out = new LinkedHashMap<>();
        if (raw == null || raw.isEmpty()) return out;
        for (String pair : raw.split("&")) {
            if (pair.isEmpty()) continue;
            int eq = pair.indexOf('=');
            String k = URLDecoder.decode(eq < 0 ? pair : pair.substring(0, eq), StandardCharsets.UTF_8);
            String v = eq < 0 ? "" : URLDecoder.decode(pair.substring(eq + 1), StandardCharsets.UTF_8);
            out.putIfAbsent(k, v);
        }
        return out;
    }
}
