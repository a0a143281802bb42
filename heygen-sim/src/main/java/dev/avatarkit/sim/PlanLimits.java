package dev.avatarkit.sim;

import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;

/** Per-key request-rate window and credit wallet (the concurrency limit lives in {@link RenderQueue}). */
final class PlanLimits {
    private final int requestsPerSecond;
    private final long initialCredits;
    private final Map<String, long[]> windows = new ConcurrentHashMap<>();
    private final Map<String, Long> credits = new ConcurrentHashMap<>();

    PlanLimits(int requestsPerSecond, long initialCredits) {
        this.requestsPerSecond = requestsPerSecond;
        this.initialCredits = initialCredits;
    }

    /** Counts a request; false if the key is over its per-second budget (0 = unlimited). Uses real time on purpose. */
    boolean allowRequest(String key) {
        if (requestsPerSecond <= 0) return true;
        long second = System.nanoTime() / 1_000_000_000L;
        long[] w = windows.computeIfAbsent(key, k -> new long[] {second, 0});
        synchronized (w) {
            if (w[0] != second) {
                w[0] = second;
                w[1] = 0;
            }
            return ++w[1] <= requestsPerSecond;
        }
    }

    /** Remaining credits for a key; negative initial credits mean unlimited (reported as a large number). */
    long credits(String key) {
        return initialCredits < 0 ? 1_000_000 : credits.getOrDefault(key, initialCredits);
    }

    /** Takes {@code n} credits if available. */
    synchronized boolean spend(String key, long n) {
        if (initialCredits < 0) return true;
        long have = credits.getOrDefault(key, initialCredits);
        if (have < n) return false;
        credits.put(key, have - n);
        return true;
    }

    void setCredits(String key, long n) {
        credits.put(key, n);
    }

    void clear() {
        windows.clear();
        credits.clear();
    }
}
