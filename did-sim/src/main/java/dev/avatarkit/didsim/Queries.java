package dev.avatarkit.didsim;

/** Query parameters the schema leaves loose: {@code limit} is "number" there, so its range is checked here. */
final class Queries {
    private Queries() {}

    /** The page size asked for (default when absent), or null when it is not a positive whole number. */
    static Integer limit(Call call, int defaultLimit) {
        String raw = call.query.get("limit");
        if (raw == null || raw.isEmpty()) return defaultLimit;
        try {
            double d = Double.parseDouble(raw);
            return d >= 1 && d == Math.floor(d) ? (int) Math.min(d, TokenPage.MAX_LIMIT) : null;
        } catch (NumberFormatException e) {
            return null;
        }
    }

    static Reply badLimit() {
        return Reply.error(
                400,
                "ValidationError",
                "'limit' must be a positive whole number",
                SimJson.object().put("field", "limit"));
    }
}
