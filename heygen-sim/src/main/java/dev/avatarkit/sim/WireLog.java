package dev.avatarkit.sim;

import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Deque;
import java.util.List;
import java.util.Map;

/**
 * The last {@value #CAPACITY} API exchanges (not {@code /_sim/*}) with what the schema said about each, so a test can
 * prove that everything a client sent — and everything the simulator answered — is what HeyGen publishes.
 */
public final class WireLog {
    // bounded so a long sandbox or benchmark run cannot grow without limit: 5,000 × typical 1–2 KB bodies
    static final int CAPACITY = 5_000;
    private static final int MAX_BODY = 256 * 1024;

    /**
     * One request and its answer.
     *
     * @param route       the route template, e.g. {@code POST /v3/videos/{video_id}}; the raw path when nothing matched
     * @param body        the JSON request body, or null where it was not kept (uploads, raw bytes, over 256 KB)
     * @param request     schema violations of the request (rejected with 400 unless the simulator is lenient)
     * @param response    schema violations of the simulator's own JSON answer (a simulator bug if not empty)
     */
    public record Exchange(
            String method,
            String template,
            String route,
            Map<String, String> query,
            Map<String, String> headers,
            String contentType,
            byte[] body,
            int status,
            List<Violation> request,
            List<Violation> response) {
        /** The header named, case-insensitively, or null. */
        public String header(String name) {
            return headers.entrySet().stream()
                    .filter(e -> e.getKey().equalsIgnoreCase(name))
                    .map(Map.Entry::getValue)
                    .findFirst()
                    .orElse(null);
        }
    }

    private final Deque<Exchange> exchanges = new ArrayDeque<>();

    synchronized void add(Exchange e) {
        if (exchanges.size() == CAPACITY) exchanges.removeFirst();
        exchanges.addLast(e);
    }

    public synchronized List<Exchange> exchanges() {
        return new ArrayList<>(exchanges);
    }

    public synchronized void clear() {
        exchanges.clear();
    }

    static byte[] keepable(String contentType, byte[] body) {
        if (body.length == 0) return body;
        boolean json = contentType != null && contentType.toLowerCase().contains("json");
        return json && body.length <= MAX_BODY ? body : null;
    }
}
