package dev.avatarkit.http;

import java.util.HashMap;
import java.util.Map;

/** How many event streams are open, per client and in all; opening one beyond either cap is 429. */
final class StreamCaps {
    private final HttpLimits limits;
    private final Map<Client, Integer> perClient = new HashMap<>();
    private int total;

    StreamCaps(HttpLimits limits) {
        this.limits = limits;
    }

    /** @return closing it frees the slot (idempotent) */
    synchronized AutoCloseable open(Client client) {
        int mine = perClient.getOrDefault(client, 0);
        if (mine >= limits.maxStreamsPerToken()) {
            throw ProblemException.tooMany(
                    "too-many-streams",
                    "Too many event streams",
                    "this token already has " + mine + " open event streams (limit " + limits.maxStreamsPerToken()
                            + "); close one first",
                    limits.retryAfter());
        }
        if (total >= limits.maxStreams()) {
            throw ProblemException.tooMany(
                    "too-many-streams",
                    "Too many event streams",
                    "the server has " + total + " open event streams (limit " + limits.maxStreams() + ")",
                    limits.retryAfter());
        }
        perClient.merge(client, 1, Integer::sum);
        total++;
        boolean[] closed = {false};
        return () -> {
            synchronized (this) {
                if (closed[0]) return;
                closed[0] = true;
                perClient.merge(client, -1, Integer::sum);
                total--;
            }
        };
    }

    synchronized int open() {
        return total;
    }
}
