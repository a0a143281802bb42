package dev.avatarkit.sim;

import java.time.Duration;
import java.time.Instant;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.regex.Pattern;

/**
 * v3 {@code Idempotency-Key}: replays the original 2xx response for 24 h (simulated clock), answers 409
 * {@code request_in_progress} while the first call is in flight, scoped per route and path parameters (and key).
 * Non-2xx outcomes release the key so a retry can succeed (HeyGen does not document error replay).
 */
final class IdempotencyStore {
    static final Pattern SYNTAX = Pattern.compile("^[A-Za-z0-9_\\-:.]{1,255}$");
    static final Duration WINDOW = Duration.ofHours(24);

    /** What to do with a keyed request. */
    enum Kind {
        NEW,
        IN_FLIGHT,
        REPLAY
    }

    record Outcome(Kind kind, SimResponse replay) {}

    private record Entry(Instant createdAt, SimResponse response) {}

    private final Map<String, Entry> entries = new ConcurrentHashMap<>();

    synchronized Outcome begin(String scope, Instant now) {
        Entry e = entries.get(scope);
        if (e != null && now.isBefore(e.createdAt.plus(WINDOW))) {
            return e.response == null ? new Outcome(Kind.IN_FLIGHT, null) : new Outcome(Kind.REPLAY, e.response);
        }
        entries.put(scope, new Entry(now, null));
        return new Outcome(Kind.NEW, null);
    }

    synchronized void complete(String scope, SimResponse response) {
        Entry e = entries.get(scope);
        if (e == null) return;
        if (response != null && response.status / 100 == 2 && response.bytes != null)
            entries.put(scope, new Entry(e.createdAt, response));
        else entries.remove(scope);
    }

    void clear() {
        entries.clear();
    }
}
