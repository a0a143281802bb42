package dev.avatarkit.didsim;

import tools.jackson.databind.JsonNode;
import tools.jackson.databind.node.ObjectNode;

/**
 * One fault on one route ({@code POST /talks}, {@code GET /talks/{id}}, {@code GET /_sim/s3/{bucket}/{key}}, or
 * {@code *} for every D-ID route). It fires on the next {@code next} matching calls, or on every one if unset.
 */
public final class FaultRule {
    private final String route;
    private final FaultKind kind;
    private Integer next;
    private int status = 500;
    private long retryAfterSeconds = 1;
    private long delayMs = 5_000;
    private String value;
    private int fired;

    private FaultRule(String route, FaultKind kind) {
        if (route == null || route.isBlank()) throw new IllegalArgumentException("'route' must not be blank");
        if (kind == null) throw new IllegalArgumentException("'kind' must not be null");
        this.route = route.trim();
        this.kind = kind;
    }

    public static FaultRule on(String route, FaultKind kind) {
        return new FaultRule(route, kind);
    }

    /** Fires on the next {@code n} matching calls only. */
    public FaultRule next(int n) {
        if (n < 1) throw new IllegalArgumentException("'next' must be at least 1, was " + n);
        this.next = n;
        return this;
    }

    /** The status of a {@link FaultKind#SERVER_ERROR} (500, 502 or 503). */
    public FaultRule status(int s) {
        if (s < 500 || s > 599) throw new IllegalArgumentException("'status' must be a 5xx, was " + s);
        this.status = s;
        return this;
    }

    public FaultRule retryAfterSeconds(long s) {
        this.retryAfterSeconds = s;
        return this;
    }

    public FaultRule delayMs(long ms) {
        this.delayMs = ms;
        return this;
    }
    /** The moderation error kind of a {@link FaultKind#MODERATION} (e.g. {@code TextModerationError}). */
    public FaultRule value(String v) {
        this.value = v;
        return this;
    }

    public String route() {
        return route;
    }

    public FaultKind kind() {
        return kind;
    }

    public int status() {
        return status;
    }

    public long retryAfterSeconds() {
        return retryAfterSeconds;
    }

    public long delayMs() {
        return delayMs;
    }

    public String value() {
        return value;
    }

    public synchronized int timesFired() {
        return fired;
    }

    boolean matches(Route r) {
        return "*".equals(route) ? r.api() : route.equals(r.key());
    }

    /** Counts one matching call; true if the fault fires on it. */
    synchronized boolean fire() {
        if (next != null && fired >= next) return false;
        fired++;
        return true;
    }

    /** The JSON form {@code --faults}, {@code DID_SIM_FAULTS} and {@code /_sim/faults} use. */
    public synchronized ObjectNode toJson() {
        ObjectNode o = SimJson.object().put("route", route).put("kind", kind.jsonName());
        if (next != null) o.put("next", next);
        o.put("status", status).put("retry_after", retryAfterSeconds).put("delay_ms", delayMs);
        if (value != null) o.put("value", value);
        return o.put("fired", fired);
    }

    static FaultRule fromJson(JsonNode m) {
        String route = SimJson.text(m, "route");
        String kind = SimJson.text(m, "kind");
        if (route == null) throw new IllegalArgumentException("a fault needs 'route' (e.g. \"POST /talks\" or \"*\")");
        if (kind == null) throw new IllegalArgumentException("a fault needs 'kind' (e.g. \"rate_limit\")");
        FaultRule r = on(route, FaultKind.fromJson(kind));
        if (m.has("next")) r.next(m.get("next").asInt());
        if (m.has("status")) r.status(m.get("status").asInt());
        if (m.has("retry_after")) r.retryAfterSeconds(m.get("retry_after").asLong());
        if (m.has("delay_ms")) r.delayMs(m.get("delay_ms").asLong());
        if (m.has("value")) r.value(m.get("value").asString());
        return r;
    }
}
