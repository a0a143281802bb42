package dev.avatarkit.http.dashboard;

import java.security.SecureRandom;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.Comparator;
import java.util.HexFormat;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;

/**
 * Signed-in browsers, in memory: at most {@code cap} sessions, each expiring {@code ttl} after sign-in. Ids and
 * CSRF tokens are 256 random bits each. A new session beyond the cap first drops expired ones, then the oldest, so
 * a flood of sign-ins can cost memory only up to the cap. A restart signs everybody out (the price of keeping
 * no session state on disk).
 */
final class Sessions {
    /** One signed-in browser; {@code token} is the accepted API token's position in the list, never the token. */
    record Session(String id, String csrf, int token, Instant expiresAt) {
        boolean expiredAt(Instant now) {
            return !now.isBefore(expiresAt);
        }
    }

    private static final SecureRandom RANDOM = new SecureRandom();
    private final Map<String, Session> byId = new ConcurrentHashMap<>();
    private final int cap;
    private final Duration ttl;
    private final Clock clock;

    Sessions(int cap, Duration ttl, Clock clock) {
        if (cap < 1) throw new IllegalArgumentException("cap must be positive, was " + cap);
        this.cap = cap;
        this.ttl = ttl;
        this.clock = clock;
    }

    Duration ttl() {
        return ttl;
    }

    synchronized Session open(int token) {
        Instant now = clock.instant();
        if (byId.size() >= cap) byId.values().removeIf(s -> s.expiredAt(now));
        while (byId.size() >= cap) {
            byId.values().stream().min(Comparator.comparing(Session::expiresAt)).ifPresent(s -> byId.remove(s.id()));
        }
        Session session = new Session(random(), random(), token, now.plus(ttl));
        byId.put(session.id(), session);
        return session;
    }

    /** The live session with this id; an expired one is dropped and not returned. */
    Optional<Session> find(String id) {
        if (id == null || id.length() != 64) return Optional.empty();
        Session session = byId.get(id);
        if (session == null) return Optional.empty();
        if (session.expiredAt(clock.instant())) {
            byId.remove(id);
            return Optional.empty();
        }
        return Optional.of(session);
    }

    void close(String id) {
        if (id != null) byId.remove(id);
    }

    int size() {
        return byId.size();
    }

    static String random() {
        byte[] bytes = new byte[32];
        RANDOM.nextBytes(bytes);
        return HexFormat.of().formatHex(bytes);
    }
}
