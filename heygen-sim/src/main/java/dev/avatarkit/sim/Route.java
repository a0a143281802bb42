package dev.avatarkit.sim;

import java.util.HashMap;
import java.util.Map;

/** A method + path template (e.g. {@code GET /v3/videos/{video_id}}) bound to a handler. */
public record Route(String method, String template, Generation generation, boolean idempotent, Handler handler) {
    /** Handles one matched request. */
    @FunctionalInterface
    public interface Handler {
        SimResponse handle(SimRequest request) throws Exception;
    }

    /** The key used by faults and stats, e.g. {@code POST /v3/videos}. */
    public String key() {
        return method + " " + template;
    }

    /** Returns path parameters if the path matches this template, else null. */
    Map<String, String> match(String method, String path) {
        if (!this.method.equals(method)) return null;
        String[] t = template.split("/");
        String[] p = path.split("/");
        if (t.length != p.length) return null;
        Map<String, String> params = new HashMap<>();
        for (int i = 0; i < t.length; i++) {
            if (t[i].startsWith("{") && t[i].endsWith("}")) {
                if (p[i].isEmpty()) return null;
                params.put(t[i].substring(1, t[i].length() - 1), p[i]);
            } else if (!t[i].equals(p[i])) {
                return null;
            }
        }
        return params;
    }
}
