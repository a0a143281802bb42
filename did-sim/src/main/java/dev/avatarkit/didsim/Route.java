package dev.avatarkit.didsim;

import java.util.HashMap;
import java.util.Map;

/**
 * A method and a path template as D-ID's OpenAPI spells it ({@code GET /talks/{id}}) bound to a handler.
 *
 * @param api false for the simulator's own routes ({@code /_sim/*}): no D-ID auth, no schema gate
 */
record Route(String method, String template, boolean api, Handler handler) {
    /** Handles one matched call. */
    @FunctionalInterface
    interface Handler {
        Reply handle(Call call);
    }

    static Route api(String method, String template, Handler handler) {
        return new Route(method, template, true, handler);
    }

    static Route sim(String method, String template, Handler handler) {
        return new Route(method, template, false, handler);
    }

    /** The key faults and counters use, e.g. {@code POST /talks}. */
    String key() {
        return method + " " + template;
    }

    /**
     * The path parameters when the call matches, else null. A literal segment beats a parameter by route order; a last
     * segment {@code {*name}} takes the rest of the path (object keys with slashes).
     */
    Map<String, String> match(String method, String path) {
        if (!this.method.equals(method)) return null;
        String[] want = template.split("/", -1);
        String[] got = path.split("/", -1);
        Map<String, String> params = new HashMap<>();
        String last = want[want.length - 1];
        if (last.startsWith("{*") && got.length >= want.length) {
            String rest = String.join("/", java.util.Arrays.copyOfRange(got, want.length - 1, got.length));
            if (rest.isEmpty()) return null;
            params.put(last.substring(2, last.length() - 1), rest);
            want = java.util.Arrays.copyOf(want, want.length - 1);
            got = java.util.Arrays.copyOf(got, want.length);
        }
        if (want.length != got.length) return null;
        for (int i = 0; i < want.length; i++) {
            boolean isParam = want[i].startsWith("{");
            if (isParam && !got[i].isEmpty()) params.put(want[i].substring(1, want[i].length() - 1), got[i]);
            else if (isParam || !want[i].equals(got[i])) return null;
        }
        return params;
    }
}
