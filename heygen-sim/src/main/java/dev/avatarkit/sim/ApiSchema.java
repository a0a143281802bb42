package dev.avatarkit.sim;

import com.networknt.schema.Error;
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
import java.util.Iterator;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;
import tools.jackson.databind.node.ObjectNode;

/**
 * One OpenAPI 3.0 document (HeyGen's v3 schema, or the legacy one written from the v1/v2 field tables) and the
 * networknt validator over it. Every check comes from the document: this class only finds the right fragment
 * (operation, parameter, response) and turns the library's errors into {@link Violation}s.
 */
final class ApiSchema {
    static final JsonMapper MAPPER = JsonMapper.builder().build();
    private final String uri;
    private final JsonNode doc;
    private final SchemaRegistry registry;
    private final Map<String, Schema> compiled = new ConcurrentHashMap<>();
    private final Map<String, Optional<String>> operations = new ConcurrentHashMap<>();

    private ApiSchema(String uri, JsonNode doc) {
        this.uri = uri;
        this.doc = doc;
        ObjectNode forValidator = (ObjectNode) doc.deepCopy();
        // the July document's discriminators lost their mapping targets (see its info.description); each branch pins
        // its "type" with an enum, so plain oneOf semantics decide the same way without them
        stripDiscriminators(forValidator);
        String text = MAPPER.writeValueAsString(forValidator);
        SchemaRegistryConfig config = SchemaRegistryConfig.builder()
                .formatAssertionsEnabled(true)
                .pathType(PathType.LEGACY)
                .build();
        this.registry = SchemaRegistry.withDefaultDialect(
                Dialects.getOpenApi30(), b -> b.schemas(Map.of(uri, text)).schemaRegistryConfig(config));
    }

    /** Loads a document shipped in this jar (see {@code src/main/resources/dev/avatarkit/sim/schema}). */
    static ApiSchema load(String resource) {
        return load(resource, null);
    }

    /**
     * Loads a document and merges the listed decisions into it first: {@code {"decisions":[{"pointer","merge","why"}]}},
     * each adding keywords at a JSON pointer (the published document's copy stays verbatim in the jar).
     */
    static ApiSchema load(String resource, String decisions) {
        JsonNode doc = read(resource);
        if (decisions != null) {
            for (JsonNode d : read(decisions).path("decisions")) {
                JsonNode target = doc.at(d.path("pointer").asString());
                if (!(target instanceof ObjectNode o))
                    throw new IllegalStateException("decision points nowhere: " + d.path("pointer"));
                d.path("merge").properties().forEach(e -> o.set(e.getKey(), e.getValue()));
            }
        }
        return new ApiSchema(
                "https://schema.heygen-sim.local/" + resource.substring(resource.lastIndexOf('/') + 1), doc);
    }

    private static JsonNode read(String resource) {
        try (InputStream in = ApiSchema.class.getResourceAsStream(resource)) {
            if (in == null) throw new IllegalStateException("missing schema resource " + resource);
            return MAPPER.readTree(in);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** The JSON pointer of the operation for a method and a path template, whatever its parameter names. */
    Optional<String> operation(String method, String template) {
        return operations.computeIfAbsent(method + " " + template, k -> find(method, template));
    }

    private Optional<String> find(String method, String template) {
        String shape = template.replaceAll("\\{[^}]*}", "{}");
        for (Iterator<Map.Entry<String, JsonNode>> it =
                        doc.get("paths").properties().iterator();
                it.hasNext(); ) {
            Map.Entry<String, JsonNode> e = it.next();
            if (e.getKey().replaceAll("\\{[^}]*}", "{}").equals(shape)
                    && e.getValue().has(method.toLowerCase())) {
                return Optional.of("/paths/" + escape(e.getKey()) + "/" + method.toLowerCase());
            }
        }
        return Optional.empty();
    }

    JsonNode at(String pointer) {
        return doc.at(pointer);
    }

    /** Follows a local {@code $ref} (parameters, responses) to the pointer of what it names. */
    String resolve(String pointer) {
        JsonNode n = doc.at(pointer);
        while (n.has("$ref")) {
            pointer = n.get("$ref").asString().substring(1);
            n = doc.at(pointer);
        }
        return pointer;
    }

    /**
     * Validates {@code value} against the schema at {@code pointer}. A oneOf with a discriminator is narrowed to the
     * branch the value names first, so the errors are the branch's (e.g. {@code background.color} is required) and not
     * "matches none of 4 schemas".
     */
    List<Violation> validate(String pointer, JsonNode value, String paramPrefix) {
        String branch = pointer;
        while (true) {
            JsonNode schema = doc.at(branch);
            JsonNode disc = schema.path("discriminator").path("propertyName");
            if (disc.isMissingNode() || !schema.has("oneOf") || !value.isObject()) break;
            String prop = disc.asString();
            JsonNode given = value.get(prop);
            int index = branchIndex(schema.get("oneOf"), prop, given);
            if (index < 0) {
                return List.of(new Violation(
                        SchemaErrors.join(paramPrefix, prop),
                        "'" + prop + "' must be one of " + branchValues(schema.get("oneOf"), prop)
                                + (given == null ? "" : ", not " + given)));
            }
            branch = branch + "/oneOf/" + index;
        }
        Schema s = compiled.computeIfAbsent(branch, p -> registry.getSchema(SchemaLocation.of(uri + "#" + p)));
        List<Violation> out = new ArrayList<>();
        for (Error e : SchemaErrors.relevant(s.validate(value))) out.add(SchemaErrors.violation(e, paramPrefix));
        return out;
    }

    private int branchIndex(JsonNode oneOf, String prop, JsonNode given) {
        if (given == null || !given.isString()) return -1;
        for (int i = 0; i < oneOf.size(); i++) {
            if (branchValue(oneOf.get(i), prop).contains(given.asString())) return i;
        }
        return -1;
    }

    private List<String> branchValues(JsonNode oneOf, String prop) {
        List<String> out = new ArrayList<>();
        for (JsonNode b : oneOf) out.addAll(branchValue(b, prop));
        return out;
    }

    private List<String> branchValue(JsonNode branch, String prop) {
        JsonNode b = branch.has("$ref") ? doc.at(branch.get("$ref").asString().substring(1)) : branch;
        if (b.has("x-discriminator-value"))
            return List.of(b.get("x-discriminator-value").asString());
        List<String> out = new ArrayList<>();
        JsonNode p = b.path("properties").path(prop);
        p.path("enum").forEach(v -> out.add(v.asString()));
        if (p.has("const")) out.add(p.get("const").asString());
        return out;
    }

    private static void stripDiscriminators(JsonNode node) {
        if (node instanceof ObjectNode o) {
            o.remove("discriminator");
        }
        for (JsonNode child : node) stripDiscriminators(child);
    }

    static String escape(String pathKey) {
        return pathKey.replace("~", "~0").replace("/", "~1");
    }
}
