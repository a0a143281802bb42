package dev.avatarkit.sim;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;

/**
 * One fault on one route ("POST /v3/videos", "GET /_sim/files/{token}", "WEBHOOK" or "*"), with its trigger.
 * Trigger precedence: {@code calls} (1-based matching-call numbers), else {@code next} (the next N calls),
 * else {@code probability} (seeded), else every call.
 */
public final class FaultRule {
    private final String route;
    private final FaultKind kind;
    private Double probability;
    private Integer next;
    private Set<Integer> calls;
    private long retryAfterSeconds = 1;
    private long delayMs = 5_000;
    private Long bytes;
    private String value = "rendering_hd";
    private String message;
    private int seen;
    private int fired;

    private FaultRule(String route, FaultKind kind) {
        this.route = route;
        this.kind = kind;
    }

    public static FaultRule on(String route, FaultKind kind) {
        return new FaultRule(route, kind);
    }

    public FaultRule probability(double p) {
        this.probability = p;
        return this;
    }

    public FaultRule next(int n) {
        this.next = n;
        return this;
    }

    public FaultRule calls(Integer... numbers) {
        this.calls = new TreeSet<>(List.of(numbers));
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

    public FaultRule bytes(long n) {
        this.bytes = n;
        return this;
    }

    public FaultRule value(String v) {
        this.value = v;
        return this;
    }

    public FaultRule message(String m) {
        this.message = m;
        return this;
    }

    public String route() {
        return route;
    }

    public FaultKind kind() {
        return kind;
    }

    public long retryAfterSeconds() {
        return retryAfterSeconds;
    }

    public long delayMs() {
        return delayMs;
    }

    public Long bytes() {
        return bytes;
    }

    public String value() {
        return value;
    }

    public String message() {
        return message;
    }

    boolean matches(String routeKey) {
        return "*".equals(route)
                ? !routeKey.startsWith("WEBHOOK") || kind.phase == FaultKind.Phase.WEBHOOK
                : route.equals(routeKey);
    }

    /** Counts one matching call and decides whether the fault fires on it. */
    synchronized boolean fire(java.util.Random random) {
        seen++;
        boolean yes;
        if (calls != null) yes = calls.contains(seen);
        else if (next != null) yes = fired < next;
        else if (probability != null) yes = random.nextDouble() < probability;
        else yes = true;
        if (yes) fired++;
        return yes;
    }

    public synchronized int timesFired() {
        return fired;
    }

    /** The JSON form used by {@code --faults FILE}, {@code POST /_sim/faults} and {@code GET /_sim/faults}. */
    public synchronized Map<String, Object> toJson() {
        Map<String, Object> m = new LinkedHashMap<>();
        m.put("route", route);
        m.put("kind", kind.jsonName());
        if (probability != null) m.put("probability", probability);
        if (next != null) m.put("next", next);
        if (calls != null) m.put("calls", List.copyOf(calls));
        m.put("retry_after", retryAfterSeconds);
        m.put("delay_ms", delayMs);
        if (bytes != null) m.put("bytes", bytes);
        m.put("value", value);
        if (message != null) m.put("message", message);
        m.put("fired", fired);
        return m;
    }

    static FaultRule fromJson(Map<String, Object> m) {
        String route = JsonMaps.str(m, "route");
        String kind = JsonMaps.str(m, "kind");
        if (route == null || kind == null) throw new IllegalArgumentException("fault needs 'route' and 'kind'");
        FaultRule r = on(route, FaultKind.fromJson(kind));
        if (m.get("probability") instanceof Number n) r.probability(n.doubleValue());
        if (m.get("next") instanceof Number n) r.next(n.intValue());
        if (m.get("calls") instanceof List<?> l)
            r.calls(l.stream().map(o -> ((Number) o).intValue()).toArray(Integer[]::new));
        if (m.get("retry_after") instanceof Number n) r.retryAfterSeconds(n.longValue());
        if (m.get("delay_ms") instanceof Number n) r.delayMs(n.longValue());
        if (m.get("bytes") instanceof Number n) r.bytes(n.longValue());
        if (m.get("value") instanceof String s) r.value(s);
        if (m.get("message") instanceof String s) r.message(s);
        return r;
    }
}
