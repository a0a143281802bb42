package dev.avatarkit.sim;

import java.io.IOException;
import java.io.OutputStream;
import java.nio.charset.StandardCharsets;
import java.util.LinkedHashMap;
import java.util.Map;

/** A response to write: a status, headers and either a byte body or a streamed body of known length. */
public final class SimResponse {
    /** Writes {@code length} bytes of a streamed body. */
    public interface Body {
        void writeTo(OutputStream out) throws IOException;
    }

    public final int status;
    public final Map<String, String> headers = new LinkedHashMap<>();
    public byte[] bytes;
    public Body stream;
    public long length;

    private SimResponse(int status) {
        this.status = status;
    }

    public static SimResponse json(int status, Object body) {
        SimResponse r = new SimResponse(status);
        r.bytes = JsonMaps.write(body);
        r.length = r.bytes.length;
        r.headers.put("Content-Type", "application/json");
        return r;
    }

    public static SimResponse bytes(int status, String contentType, byte[] body) {
        SimResponse r = new SimResponse(status);
        r.bytes = body;
        r.length = body.length;
        r.headers.put("Content-Type", contentType);
        return r;
    }

    public static SimResponse text(int status, String contentType, String body) {
        return bytes(status, contentType, body.getBytes(StandardCharsets.UTF_8));
    }

    public static SimResponse stream(int status, String contentType, long length, Body body) {
        SimResponse r = new SimResponse(status);
        r.stream = body;
        r.length = length;
        r.headers.put("Content-Type", contentType);
        return r;
    }

    public SimResponse header(String name, String value) {
        headers.put(name, value);
        return this;
    }

    public boolean isJson() {
        return bytes != null && "application/json".equals(headers.get("Content-Type"));
    }
}
