package dev.avatarkit.didsim;

import java.util.ArrayList;
import java.util.List;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.node.ObjectNode;

/**
 * D-ID's unions (a script is text or audio; a TTS provider is microsoft, elevenlabs, amazon, google or azure-openai)
 * are {@code anyOf}s whose branches each pin {@code type} with an enum. Before validating, each such union is
 * replaced by the branch the value's {@code type} names, so the errors are that branch's ("'script.provider.voice_id'
 * is required") and not every other branch's; a {@code type} no branch takes is reported on its own, with the choices.
 */
final class Narrowing {
    /** The narrowed schema, and the branch choices that made it (to cache compiled schemas by). */
    record Result(JsonNode schema, String choices, List<FieldError> typeErrors) {}

    private Narrowing() {}

    static Result narrow(JsonNode schema, JsonNode value, String path) {
        StringBuilder choices = new StringBuilder();
        List<FieldError> errors = new ArrayList<>();
        JsonNode narrowed = narrow(schema, value, path, choices, errors);
        return new Result(narrowed, choices.toString(), errors);
    }

    private static JsonNode narrow(
            JsonNode schema, JsonNode value, String path, StringBuilder choices, List<FieldError> errors) {
        if (value == null || !value.isObject() || !schema.isObject()) return schema;
        JsonNode branches = schema.has("anyOf") ? schema.get("anyOf") : schema.get("oneOf");
        if (branches != null && branches.size() > 1 && allPinType(branches)) {
            JsonNode given = value.get("type");
            int chosen = -1;
            List<String> allowed = new ArrayList<>();
            for (int i = 0; i < branches.size(); i++) {
                for (JsonNode v :
                        branches.get(i).path("properties").path("type").path("enum")) {
                    allowed.add(v.asString());
                    if (chosen < 0
                            && given != null
                            && given.isString()
                            && v.asString().equals(given.asString())) chosen = i;
                }
            }
            String field = path.isEmpty() ? "type" : path + ".type";
            if (chosen < 0) {
                errors.add(new FieldError(
                        field,
                        given == null
                                ? "is required: one of " + allowed
                                : "must be one of " + allowed + ", not " + given));
                return schema;
            }
            choices.append(field).append('=').append(chosen).append(';');
            schema = branches.get(chosen);
        }
        JsonNode props = schema.path("properties");
        if (!props.isObject()) return schema;
        ObjectNode copy = null;
        for (var e : props.properties()) {
            JsonNode child = value.get(e.getKey());
            if (child == null) continue;
            JsonNode narrowedChild =
                    narrow(e.getValue(), child, path.isEmpty() ? e.getKey() : path + "." + e.getKey(), choices, errors);
            if (narrowedChild != e.getValue()) {
                if (copy == null) copy = (ObjectNode) schema.deepCopy();
                ((ObjectNode) copy.get("properties")).set(e.getKey(), narrowedChild);
            }
        }
        return copy == null ? schema : copy;
    }

    private static boolean allPinType(JsonNode branches) {
        for (JsonNode b : branches)
            if (!b.path("properties").path("type").path("enum").isArray()) return false;
        return true;
    }
}
