package dev.avatarkit.didsim;

import java.time.Instant;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.time.temporal.ChronoUnit;
import tools.jackson.core.JacksonException;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;
import tools.jackson.databind.node.ObjectNode;

/** The simulator's JSON: Jackson 3's tree model (it comes with the schema validator), and D-ID's timestamp format. */
final class SimJson {
    static final JsonMapper MAPPER = JsonMapper.builder().build();
    /** D-ID's examples print milliseconds and, on talks, no zone ("2020-09-03T13:56:54.995"): clients must cope. */
    private static final DateTimeFormatter NO_ZONE =
            DateTimeFormatter.ofPattern("yyyy-MM-dd'T'HH:mm:ss.SSS").withZone(ZoneOffset.UTC);

    private SimJson() {}

    static ObjectNode object() {
        return MAPPER.createObjectNode();
    }

    /** The body as a tree, or null if it is not JSON at all. */
    static JsonNode parse(byte[] body) {
        try {
            return MAPPER.readTree(body);
        } catch (JacksonException e) {
            return null;
        }
    }

    static byte[] bytes(JsonNode node) {
        return MAPPER.writeValueAsBytes(node);
    }

    /** ISO-8601 with milliseconds and a {@code Z}, as D-ID's clip examples show. */
    static String time(Instant t) {
        return t == null ? null : t.truncatedTo(ChronoUnit.MILLIS).toString();
    }

    /** The zone-less form D-ID's talk examples show; the simulator uses it for talks' {@code created_at}. */
    static String timeWithoutZone(Instant t) {
        return NO_ZONE.format(t);
    }

    /** A text field of an object, or null when it is absent, null or not text. */
    static String text(JsonNode node, String field) {
        JsonNode v = node == null ? null : node.get(field);
        return v == null || !v.isString() ? null : v.asString();
    }
}
