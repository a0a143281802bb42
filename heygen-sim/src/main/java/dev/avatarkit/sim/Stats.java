package dev.avatarkit.sim;

import java.util.Map;
import java.util.TreeMap;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.AtomicLong;

/** Counters the tests and benchmarks read: requests, creates, duplicates, 429s, bytes, webhooks. */
public final class Stats {
    private final Map<String, AtomicLong> requestsPerRoute = new ConcurrentHashMap<>();
    private final Map<String, AtomicLong> createsPerIdempotencyKey = new ConcurrentHashMap<>();
    private final Map<String, AtomicLong> createsPerCallbackId = new ConcurrentHashMap<>();
    private final Map<String, AtomicLong> faultsInjected = new ConcurrentHashMap<>();
    private final AtomicLong jobsCreated = new AtomicLong();
    private final AtomicLong duplicateCreates = new AtomicLong();
    private final AtomicLong tooManyRequests = new AtomicLong();
    private final AtomicLong bytesServed = new AtomicLong();
    private final AtomicLong webhooksDelivered = new AtomicLong();
    private final AtomicLong webhookAttempts = new AtomicLong();
    private final AtomicLong webhooksFailed = new AtomicLong();
    private final AtomicLong webhooksDropped = new AtomicLong();
    private final AtomicLong idempotentReplays = new AtomicLong();

    void request(String routeKey) {
        count(requestsPerRoute, routeKey);
    }

    void tooManyRequests() {
        tooManyRequests.incrementAndGet();
    }

    void bytes(long n) {
        bytesServed.addAndGet(n);
    }

    void fault(FaultKind k) {
        count(faultsInjected, k.jsonName());
    }

    void webhookAttempt() {
        webhookAttempts.incrementAndGet();
    }

    void webhookDelivered() {
        webhooksDelivered.incrementAndGet();
    }

    void webhookFailed() {
        webhooksFailed.incrementAndGet();
    }

    void webhookDropped() {
        webhooksDropped.incrementAndGet();
    }

    void replay() {
        idempotentReplays.incrementAndGet();
    }

    /** Records a newly created job; a duplicate is a second new job for the same idempotency key or callback_id. */
    void jobCreated(String idempotencyKey, String callbackId) {
        jobsCreated.incrementAndGet();
        boolean dup = false;
        if (idempotencyKey != null) dup |= count(createsPerIdempotencyKey, idempotencyKey) > 1;
        if (callbackId != null) dup |= count(createsPerCallbackId, callbackId) > 1;
        if (dup) duplicateCreates.incrementAndGet();
    }

    public long requests(String routeKey) {
        return get(requestsPerRoute, routeKey);
    }

    public Map<String, Long> requestsPerRoute() {
        return snapshot(requestsPerRoute);
    }

    public long createsForIdempotencyKey(String key) {
        return get(createsPerIdempotencyKey, key);
    }

    public long createsForCallbackId(String id) {
        return get(createsPerCallbackId, id);
    }

    public Map<String, Long> createsPerIdempotencyKey() {
        return snapshot(createsPerIdempotencyKey);
    }

    public Map<String, Long> createsPerCallbackId() {
        return snapshot(createsPerCallbackId);
    }

    public Map<String, Long> faultsInjected() {
        return snapshot(faultsInjected);
    }

    public long jobsCreated() {
        return jobsCreated.get();
    }

    public long duplicateCreates() {
        return duplicateCreates.get();
    }

    public long tooManyRequestsServed() {
        return tooManyRequests.get();
    }

    public long bytesServed() {
        return bytesServed.get();
    }

    public long webhooksDelivered() {
        return webhooksDelivered.get();
    }

    public long webhookAttempts() {
        return webhookAttempts.get();
    }

    public long webhooksFailed() {
        return webhooksFailed.get();
    }

    public long webhooksDropped() {
        return webhooksDropped.get();
    }

    public long idempotentReplays() {
        return idempotentReplays.get();
    }

    /** The document served at {@code GET /_sim/stats}. */
    public Map<String, Object> toJson() {
        return JsonMaps.obj(
                "requests_total",
                        requestsPerRoute.values().stream()
                                .mapToLong(AtomicLong::get)
                                .sum(),
                "requests_per_route", requestsPerRoute(),
                "jobs_created", jobsCreated(),
                "creates_per_idempotency_key", createsPerIdempotencyKey(),
                "creates_per_callback_id", createsPerCallbackId(),
                "duplicate_creates", duplicateCreates(),
                "idempotent_replays", idempotentReplays(),
                "responses_429", tooManyRequestsServed(),
                "bytes_served", bytesServed(),
                "faults_injected", faultsInjected(),
                "webhooks_delivered", webhooksDelivered(),
                "webhook_attempts", webhookAttempts(),
                "webhooks_failed", webhooksFailed(),
                "webhooks_dropped", webhooksDropped());
    }

    void reset() {
        for (Map<String, AtomicLong> m :
                java.util.List.of(requestsPerRoute, createsPerIdempotencyKey, createsPerCallbackId, faultsInjected))
            m.clear();
        for (AtomicLong a : java.util.List.of(
                jobsCreated,
                duplicateCreates,
                tooManyRequests,
                bytesServed,
                webhooksDelivered,
                webhookAttempts,
                webhooksFailed,
                webhooksDropped,
                idempotentReplays)) a.set(0);
    }

    private static long count(Map<String, AtomicLong> m, String key) {
        return m.computeIfAbsent(key, k -> new AtomicLong()).incrementAndGet();
    }

    private static long get(Map<String, AtomicLong> m, String key) {
        AtomicLong a = m.get(key);
        return a == null ? 0 : a.get();
    }

    private static Map<String, Long> snapshot(Map<String, AtomicLong> m) {
        Map<String, Long> out = new TreeMap<>();
        m.forEach((k, v) -> out.put(k, v.get()));
        return out;
    }
}
