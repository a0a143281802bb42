package dev.avatarkit.didsim;

import java.util.ArrayList;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * Every talk and clip the simulator holds, in creation order. Capped at {@link #MAX_RENDERS}: past it the oldest
 * finished render is forgotten (a long-running sandbox does not grow without bound).
 */
final class Renders {
    static final int MAX_RENDERS = 100_000;
    private final Map<String, Render> byId = new LinkedHashMap<>();

    synchronized void add(Render r) {
        if (byId.size() >= MAX_RENDERS) {
            byId.values().stream().filter(Render::finished).findFirst().ifPresent(old -> byId.remove(old.id));
        }
        byId.put(r.id, r);
    }

    /** The render of this kind and owner, if any (another user's id is "not found", as at D-ID). */
    synchronized Optional<Render> get(Render.Kind kind, String owner, String id) {
        Render r = byId.get(id);
        return r != null && r.kind == kind && r.owner.equals(owner) ? Optional.of(r) : Optional.empty();
    }

    synchronized boolean contains(String id) {
        return byId.containsKey(id);
    }

    synchronized void remove(String id) {
        byId.remove(id);
    }

    /** One owner's renders of a kind, newest first (D-ID does not document the order; newest first is the guess). */
    synchronized List<Render> newestFirst(Render.Kind kind, String owner) {
        List<Render> out = new ArrayList<>();
        for (Render r : byId.values()) if (r.kind == kind && r.owner.equals(owner)) out.add(r);
        Collections.reverse(out);
        return out;
    }

    /** Every render, oldest first. */
    synchronized List<Render> all() {
        return List.copyOf(byId.values());
    }

    synchronized void clear() {
        byId.clear();
    }
}
