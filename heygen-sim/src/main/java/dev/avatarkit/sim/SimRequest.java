package dev.avatarkit.sim;

import com.sun.net.httpserver.Headers;
import java.net.URLDecoder;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/** One parsed inbound request, plus what the front door learned about it (route, key, fired faults). */
public final class SimRequest {
    public final String method;
    public final String path;
    public final Map<String, String> query;
    public final Headers headers;
    public final byte[] body;
    public final String requestId;
    Route route;
    Map<String, String> pathParams = Map.of();
    String apiKey;
    List<FaultRule> faults = new ArrayList<>();
    Map<String, Object> jsonCache;

    SimRequest(String method, String path, String rawQuery, Headers headers, byte[] body, String requestId) {
        this.method = method;
        this.path = path;
        this.query = parseQuery(rawQuery);
        this.headers = headers;
        this.body = body;
        this.requestId = requestId;
    }

    public String param(String name) {
        return pathParams.get(name);
    }

    public String header(String name) {
        return headers.getFirst(name);
    }

    public String routeKey() {
        return route == null ? method + " " + path : route.key();
    }

    public String apiKey() {
        return apiKey;
    }

    /** The parsed JSON body, or null if the body is not a JSON object. */
    public Map<String, Object> json() {
        if (jsonCache == null) jsonCache = JsonMaps.parseObject(body);
        return jsonCache;
    }

    boolean hasFault(FaultKind kind) {
        return faults.stream().anyMatch(f -> f.kind() == kind);
    }

    FaultRule fault(FaultKind kind) {
        return faults.stream().filter(f -> f.kind() == kind).findFirst().orElse(null);
    }

    private static Map<String, String> parseQuery(String raw) {
        Map<String, String> q = new HashMap<>();
        if (raw == null || raw.isEmpty()) return q;
        for (String part : raw.split("&")) {
            int eq = part.indexOf('=');
            String k = eq < 0 ? part : part.substring(0, eq);
            String v = eq < 0 ? "" : part.substring(eq + 1);
            q.putIfAbsent(URLDecoder.decode(k, StandardCharsets.UTF_8), URLDecoder.decode(v, StandardCharsets.UTF_8));
        }
        return q;
    }
}
