package dev.avatarkit.didsim;

import java.nio.charset.StandardCharsets;
import java.util.LinkedHashMap;
import java.util.Map;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.node.ObjectNode;

/** One response to write: status, content type, bytes and extra headers. */
final class Reply {
    final int status;
    final String contentType;
    final byte[] bytes;
    final Map<String, String> headers = new LinkedHashMap<>();

    private Reply(int status, String contentType, byte[] bytes) {
        this.status = status;
        this.contentType = contentType;
        this.bytes = bytes;
    }

    static Reply json(int status, JsonNode body) {
        return new Reply(status, "application/json; charset=utf-8", SimJson.bytes(body));
    }

    static Reply bytes(int status, String contentType, byte[] bytes) {
        return new Reply(status, contentType, bytes);
    }

    static Reply text(int status, String contentType, String text) {
        return new Reply(status, contentType, text.getBytes(StandardCharsets.UTF_8));
    }

    static Reply empty(int status) {
        return new Reply(status, null, new byte[0]);
    }

    /** D-ID's error body {@code {kind, description}} (no numeric code: clients branch on status, then kind). */
    static Reply error(int status, String kind, String description) {
        return error(status, kind, description, null);
    }

    static Reply error(int status, String kind, String description, JsonNode details) {
        ObjectNode body = SimJson.object().put("kind", kind).put("description", description);
        if (details != null) body.set("details", details);
        return json(status, body);
    }

    Reply header(String name, String value) {
        headers.put(name, value);
        return this;
    }

    boolean isJson() {
        return contentType != null && contentType.startsWith("application/json");
    }
}
