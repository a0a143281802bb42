package dev.avatarkit.didsim;

import java.util.Map;
import java.util.TreeMap;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.AtomicLong;
import tools.jackson.databind.node.ObjectNode;

/**
 * What the simulator saw: calls per route, renders created (per {@code user_data}, which is how a client without an
 * idempotency key marks its creates), duplicate creates, faults fired. Served at {@code GET /_sim/stats}.
 */
public final class Stats {
    /** Distinct {@code user_data} values remembered; beyond it new values are counted in totals only (a memory cap). */
    static final int MAX_TRACKED_USER_DATA = 100_000;

    private final Map<String, AtomicLong> requests = new ConcurrentHashMap<>();
    private final Map<String, AtomicLong> createsPerUserData = new ConcurrentHashMap<>();
    private final Map<String, AtomicLong> faults = new ConcurrentHashMap<>();
    private final Map<String, AtomicLong> webhooks = new ConcurrentHashMap<>();
    private final AtomicLong creates = new AtomicLong();
    private final AtomicLong duplicates = new AtomicLong();
    private final AtomicLong rateLimited = new AtomicLong();
    private final AtomicLong schemaViolations = new AtomicLong();

    void request(String routeKey) {
        requests.computeIfAbsent(routeKey, k -> new AtomicLong()).incrementAndGet();
    }

    /** One talk or clip accepted; a second one with a {@code user_data} already seen is a duplicate create. */
    void created(String userData) {
        creates.incrementAndGet();
        if (userData == null) return;
        AtomicLong n = createsPerUserData.get(userData);
        if (n == null && createsPerUserData.size() >= MAX_TRACKED_USER_DATA) return;
        if (createsPerUserData.computeIfAbsent(userData, k -> new AtomicLong()).incrementAndGet() > 1)
            duplicates.incrementAndGet();
    }

    /** One webhook outcome: {@code delivered}, {@code failed_attempts} or {@code dropped}. */
    void webhook(String outcome) {
        webhooks.computeIfAbsent(outcome, k -> new AtomicLong()).incrementAndGet();
    }

    /** Webhook outcomes so far ({@code delivered}, {@code failed_attempts}, {@code dropped}). */
    public long webhooks(String outcome) {
        AtomicLong n = webhooks.get(outcome);
        return n == null ? 0 : n.get();
    }

    void fault(FaultKind kind) {
        faults.computeIfAbsent(kind.jsonName(), k -> new AtomicLong()).incrementAndGet();
        if (kind == FaultKind.RATE_LIMIT) rateLimited.incrementAndGet();
    }

    void schemaViolation() {
        schemaViolations.incrementAndGet();
    }

    /** Requests that broke D-ID's schema (answered 400, or let through in lenient mode). */
    public long schemaViolations() {
        return schemaViolations.get();
    }

    public long requests(String routeKey) {
        AtomicLong n = requests.get(routeKey);
        return n == null ? 0 : n.get();
    }

    /** Talks and clips created, whatever the client was told. */
    public long creates() {
        return creates.get();
    }

    public long createsFor(String userData) {
        AtomicLong n = createsPerUserData.get(userData);
        return n == null ? 0 : n.get();
    }

    /** Creates beyond the first for the same {@code user_data}: what "never pay twice" must keep at 0. */
    public long duplicateCreates() {
        return duplicates.get();
    }

    public long faultsFired(FaultKind kind) {
        AtomicLong n = faults.get(kind.jsonName());
        return n == null ? 0 : n.get();
    }

    public long rateLimited() {
        return rateLimited.get();
    }

    void reset() {
        requests.clear();
        createsPerUserData.clear();
        faults.clear();
        webhooks.clear();
        creates.set(0);
        duplicates.set(0);
        rateLimited.set(0);
        schemaViolations.set(0);
    }

    ObjectNode toJson() {
        ObjectNode o = SimJson.object();
        o.put("creates", creates.get())
                .put("duplicate_creates", duplicates.get())
                .put("responses_429", rateLimited.get())
                .put("schema_violations", schemaViolations.get());
        o.set("creates_per_user_data", counts(createsPerUserData));
        o.set("requests_per_route", counts(requests));
        o.set("faults_fired", counts(faults));
        o.set("webhooks", counts(webhooks));
        return o;
    }

    private static ObjectNode counts(Map<String, AtomicLong> map) {
        ObjectNode o = SimJson.object();
        new TreeMap<>(map).forEach((k, v) -> o.put(k, v.get()));
        return o;
    }
}
