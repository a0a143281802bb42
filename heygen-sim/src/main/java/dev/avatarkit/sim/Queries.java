package dev.avatarkit.sim;

/** Query-parameter parsing shared by the list routes. */
final class Queries {
    private Queries() {}

    /** The {@code limit} query value, or -1 when it is present but not an integer in [min, max]. */
    static int limit(SimRequest req, int def, int min, int max) {
        String raw = req.query.get("limit");
        if (raw == null || raw.isEmpty()) return def;
        try {
            int v = Integer.parseInt(raw);
            return v < min || v > max ? -1 : v;
        } catch (NumberFormatException e) {
            return -1;
        }
    }

    static SimResponse badLimit(int min, int max) {
        return Envelopes.v3Error(
                400, "invalid_parameter", "'limit' must be between " + min + " and " + max + ".", "limit");
    }

    static SimResponse badToken() {
        return Envelopes.v3Error(400, "invalid_parameter", "'token' is not a valid pagination token.", "token");
    }

    static SimResponse invalid(String param, String message) {
        return Envelopes.v3Error(400, "invalid_parameter", message, param);
    }
}
