package dev.avatarkit.didsim;

import com.networknt.schema.Schema;
import com.networknt.schema.SchemaLocation;
import com.networknt.schema.SchemaRegistry;
import com.networknt.schema.SchemaRegistryConfig;
import com.networknt.schema.dialect.Dialects;
import com.networknt.schema.path.PathType;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.node.JsonNodeFactory;
import tools.jackson.databind.node.ObjectNode;

/**
 * D-ID's published OpenAPI 4.2.1 and the networknt validator over it: the simulator's front door checks every
 * request's query and JSON body with it, and tests check the simulator's responses with it. Every rule comes from
 * the document; {@code did-decisions.json} only widens the response schemas where the simulator knowingly says more.
 */
public final class DidSchema {
    static final String DOCUMENT = "/dev/avatarkit/didsim/did-openapi-4.2.1.json";
    static final String DECISIONS = "/dev/avatarkit/didsim/did-decisions.json";
    private static final String URI = "https://schema.did-sim.local/did-openapi-4.2.1.json";
    private static final SchemaRegistryConfig CONFIG = SchemaRegistryConfig.builder()
            .formatAssertionsEnabled(true)
            .pathType(PathType.LEGACY)
            .build();
    private final JsonNode doc;
    private final Map<String, Schema> compiled = new ConcurrentHashMap<>();

    private DidSchema() {
        this.doc = read(DOCUMENT);
        applyDecisions(doc, read(DECISIONS));
    }

    private static final class Holder {
        static final DidSchema INSTANCE = new DidSchema();
    }

    /** The shipped document, loaded once (it is 3 MB) and shared: checking holds no state. */
    public static DidSchema published() {
        return Holder.INSTANCE;
    }

    /** The query parameters and JSON body of one request; multipart bodies are left to the upload routes. */
    public List<FieldError> request(
            String method, String template, Map<String, String> query, String contentType, byte[] body) {
        Optional<String> op = operation(method, template);
        if (op.isEmpty()) return List.of();
        List<FieldError> out = new ArrayList<>();
        JsonNode params = doc.at(op.get() + "/parameters");
        for (int i = 0; i < params.size(); i++) {
            JsonNode p = params.get(i);
            if (!"query".equals(p.path("in").asString())) continue;
            String name = p.path("name").asString();
            String raw = query.get(name);
            if (raw == null) {
                if (p.path("required").asBoolean(false)) out.add(new FieldError(name, "is required"));
                continue;
            }
            out.addAll(validate(op.get() + "/parameters/" + i + "/schema", typed(p.path("schema"), raw), name));
        }
        out.addAll(body(op.get(), contentType, body));
        return out;
    }

    /** One JSON response checked against the schema its status declares; undeclared statuses pass. */
    public List<FieldError> response(String method, String template, int status, byte[] body) {
        Optional<String> op = operation(method, template);
        String pointer = op.map(o -> o + "/responses/" + status + "/content/application~1json/schema")
                .orElse(null);
        if (pointer == null || doc.at(pointer).isMissingNode()) return List.of();
        JsonNode value = SimJson.parse(body);
        if (value == null) return List.of(new FieldError("", "is not JSON"));
        return validate(pointer, value, "");
    }

    private List<FieldError> body(String op, String contentType, byte[] body) {
        String pointer = op + "/requestBody/content/application~1json/schema";
        if (doc.at(pointer).isMissingNode()) return List.of();
        if (body == null || body.length == 0) {
            return doc.at(op + "/requestBody/required").asBoolean(false)
                    ? List.of(new FieldError("", "a JSON body is required"))
                    : List.of();
        }
        if (contentType == null || !contentType.toLowerCase().contains("json")) {
            return List.of(new FieldError("", "must be sent as application/json, not " + contentType));
        }
        JsonNode value = SimJson.parse(body);
        if (value == null) return List.of(new FieldError("", "is not valid JSON"));
        return validate(pointer, value, "");
    }

    private List<FieldError> validate(String pointer, JsonNode value, String prefix) {
        Narrowing.Result n = Narrowing.narrow(doc.at(pointer), value, "");
        if (!n.typeErrors().isEmpty())
            return n.typeErrors().stream().map(e -> prefixed(prefix, e)).toList();
        Schema schema = compiled.computeIfAbsent(pointer + "|" + n.choices(), k -> compile(k, n.schema()));
        return SchemaMessages.explain(schema.validate(value), prefix);
    }

    private static FieldError prefixed(String prefix, FieldError e) {
        return prefix.isEmpty()
                ? e
                : new FieldError(e.field().isEmpty() ? prefix : prefix + "." + e.field(), e.message());
    }

    /**
     * Compiles one (narrowed) fragment on its own: the document inlines every schema (no {@code $ref}s), and handing the
     * validator only the fragment instead of the whole 3 MB document cuts loading from seconds to milliseconds.
     */
    private static Schema compile(String key, JsonNode fragment) {
        String uri = URI + "/" + Integer.toHexString(key.hashCode()) + ".json";
        String text = SimJson.MAPPER.writeValueAsString(fragment);
        SchemaRegistry registry = SchemaRegistry.withDefaultDialect(
                Dialects.getOpenApi30(), b -> b.schemas(Map.of(uri, text)).schemaRegistryConfig(CONFIG));
        return registry.getSchema(SchemaLocation.of(uri));
    }

    /** The operation's JSON pointer for a method and a path template spelled as in the document. */
    private Optional<String> operation(String method, String template) {
        String pointer = "/paths/" + template.replace("~", "~0").replace("/", "~1") + "/" + method.toLowerCase();
        return doc.at(pointer).isMissingNode() ? Optional.empty() : Optional.of(pointer);
    }

    /** Query values arrive as text; the parameter's declared type says how to read them. */
    private static JsonNode typed(JsonNode schema, String raw) {
        JsonNodeFactory nodes = JsonNodeFactory.instance;
        try {
            return switch (schema.path("type").asString("")) {
                case "number" -> nodes.numberNode(Double.parseDouble(raw));
                case "integer" -> nodes.numberNode(Long.parseLong(raw));
                case "boolean" ->
                    "true".equals(raw) || "false".equals(raw)
                            ? nodes.booleanNode(Boolean.parseBoolean(raw))
                            : nodes.stringNode(raw);
                default -> nodes.stringNode(raw);
            };
        } catch (NumberFormatException e) {
            return nodes.stringNode(raw); // the validator names the type it wanted
        }
    }

    /** Applies each decision to every schema the document names after it (the document inlines its schemas). */
    private static void applyDecisions(JsonNode node, JsonNode decisions) {
        if (node instanceof ObjectNode o && o.has("x-readme-ref-name")) {
            for (JsonNode d : decisions.path("decisions")) {
                if (!d.path("schema")
                        .asString()
                        .equals(o.get("x-readme-ref-name").asString())) continue;
                ObjectNode props = (ObjectNode) o.get("properties");
                d.path("properties").properties().forEach(e -> props.set(e.getKey(), e.getValue()));
                d.path("drop")
                        .properties()
                        .forEach(e ->
                                e.getValue().forEach(k -> ((ObjectNode) props.get(e.getKey())).remove(k.asString())));
            }
        }
        for (JsonNode child : node) applyDecisions(child, decisions);
    }

    private static JsonNode read(String resource) {
        try (InputStream in = DidSchema.class.getResourceAsStream(resource)) {
            if (in == null) throw new IllegalStateException("missing resource " + resource);
            return SimJson.MAPPER.readTree(in);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
