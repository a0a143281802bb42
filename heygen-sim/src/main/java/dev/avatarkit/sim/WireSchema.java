package dev.avatarkit.sim;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.function.Function;
import tools.jackson.core.JacksonException;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.node.ArrayNode;
import tools.jackson.databind.node.JsonNodeFactory;

/**
 * HeyGen's published request/response contract, for the simulator's front door and for tests that check what a
 * client sends: v3 from HeyGen's July 2026 schema ({@code heygen-v3-2026-07.openapi.json}, the newer of the two
 * published ones), v1/v2 from {@code heygen-legacy-v1-v2.openapi.json}, written from the legacy field tables.
 * Query parameters, headers, JSON bodies and JSON responses are checked; multipart bodies are left to the routes.
 */
public final class WireSchema {
    static final String V3 = "/dev/avatarkit/sim/schema/heygen-v3-2026-07.openapi.json";
    static final String V3_DECISIONS = "/dev/avatarkit/sim/schema/heygen-v3-decisions.json";
    static final String LEGACY = "/dev/avatarkit/sim/schema/heygen-legacy-v1-v2.openapi.json";
    private static final JsonNodeFactory NODES = JsonNodeFactory.instance;

    private final ApiSchema v3;
    private final ApiSchema legacy;

    private WireSchema() {
        this.v3 = ApiSchema.load(V3, V3_DECISIONS);
        this.legacy = ApiSchema.load(LEGACY);
    }

    private static final class Holder {
        static final WireSchema INSTANCE = new WireSchema();
    }

    /** The shipped schemas, loaded once (about half a second) and shared: validation holds no state. */
    public static WireSchema published() {
        return Holder.INSTANCE;
    }

    /** True if the schema knows this operation (e.g. {@code POST /v3/templates/{template_id}}). */
    public boolean covers(String method, String template) {
        return schemaFor(template).operation(method, template).isPresent();
    }

    /** True if the operation declares an {@code Idempotency-Key} header (HeyGen ignores the header elsewhere). */
    public boolean declaresIdempotencyKey(String method, String template) {
        ApiSchema s = schemaFor(template);
        return s.operation(method, template)
                .map(op -> parameters(s, op).stream()
                        .anyMatch(p -> "Idempotency-Key"
                                .equalsIgnoreCase(s.at(p).path("name").asString())))
                .orElse(false);
    }

    /** Checks one request; an operation the schema does not cover has nothing to break (see {@link #covers}). */
    public List<Violation> request(
            String method,
            String template,
            Map<String, String> query,
            Function<String, String> header,
            String contentType,
            byte[] body) {
        ApiSchema s = schemaFor(template);
        Optional<String> op = s.operation(method, template);
        if (op.isEmpty()) return List.of();
        List<Violation> out = new ArrayList<>();
        for (String p : parameters(s, op.get())) {
            JsonNode param = s.at(p);
            String name = param.path("name").asString();
            String in = param.path("in").asString();
            String raw = "query".equals(in) ? query.get(name) : "header".equals(in) ? header.apply(name) : null;
            if (raw == null) {
                if (param.path("required").asBoolean(false) && !"path".equals(in))
                    out.add(new Violation(name, "'" + name + "' is required."));
                continue;
            }
            out.addAll(s.validate(p + "/schema", typed(param.path("schema"), raw), name));
        }
        out.addAll(body(s, op.get(), contentType, body));
        return out;
    }

    /** Checks one JSON response against the status's declared schema (or {@code default}); others pass. */
    public List<Violation> response(String method, String template, int status, String contentType, byte[] body) {
        ApiSchema s = schemaFor(template);
        Optional<String> op = s.operation(method, template);
        if (op.isEmpty() || contentType == null || !contentType.startsWith("application/json")) return List.of();
        String r = op.get() + "/responses/" + status;
        if (s.at(r).isMissingNode()) r = op.get() + "/responses/default";
        if (s.at(r).isMissingNode()) return List.of();
        String schema = s.resolve(r) + "/content/application~1json/schema";
        if (s.at(schema).isMissingNode()) return List.of();
        try {
            return s.validate(schema, ApiSchema.MAPPER.readTree(body), "");
        } catch (JacksonException e) {
            return List.of(new Violation("", "response is not JSON: " + e.getOriginalMessage()));
        }
    }

    private List<Violation> body(ApiSchema s, String op, String contentType, byte[] body) {
        if (s.at(op + "/requestBody").isMissingNode()) return List.of();
        String rb = s.resolve(op + "/requestBody");
        String schema = rb + "/content/application~1json/schema";
        if (s.at(schema).isMissingNode()) return List.of(); // multipart/raw uploads: the route reads the parts itself
        boolean empty = body == null || body.length == 0;
        if (empty) {
            return s.at(rb).path("required").asBoolean(false)
                    ? List.of(new Violation("", "A JSON request body is required."))
                    : List.of();
        }
        if (contentType != null && !contentType.toLowerCase().contains("json")) {
            return List.of(new Violation("", "Content-Type must be application/json, not " + contentType + "."));
        }
        try {
            return s.validate(schema, ApiSchema.MAPPER.readTree(body), "");
        } catch (JacksonException e) {
            return List.of(new Violation("", "Request body is not valid JSON: " + e.getOriginalMessage()));
        }
    }

    /** Path-level then operation-level parameters, each as the pointer of its resolved definition. */
    private static List<String> parameters(ApiSchema s, String op) {
        List<String> out = new ArrayList<>();
        String path = op.substring(0, op.lastIndexOf('/'));
        for (String owner : List.of(path, op)) {
            JsonNode list = s.at(owner + "/parameters");
            for (int i = 0; i < list.size(); i++) out.add(s.resolve(owner + "/parameters/" + i));
        }
        return out;
    }

    /** Query and header values arrive as text; the schema's type says what they mean (comma lists become arrays). */
    private static JsonNode typed(JsonNode schema, String raw) {
        String type = schema.path("type").asString("");
        try {
            return switch (type) {
                case "integer" -> NODES.numberNode(Long.parseLong(raw.trim()));
                case "number" -> NODES.numberNode(Double.parseDouble(raw.trim()));
                case "boolean" ->
                    "true".equals(raw) || "false".equals(raw)
                            ? NODES.booleanNode(Boolean.parseBoolean(raw))
                            : NODES.stringNode(raw);
                case "array" -> {
                    ArrayNode a = NODES.arrayNode();
                    for (String part : raw.split(",")) a.add(typed(schema.path("items"), part.trim()));
                    yield a;
                }
                default -> NODES.stringNode(raw);
            };
        } catch (NumberFormatException e) {
            return NODES.stringNode(raw); // the validator then reports the type mismatch
        }
    }

    private ApiSchema schemaFor(String template) {
        return template.startsWith("/v3/") ? v3 : legacy;
    }
}
