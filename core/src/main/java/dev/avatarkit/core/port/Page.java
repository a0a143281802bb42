package dev.avatarkit.core.port;

import java.util.List;

/** One page of a listing and the opaque token for the next, or null at the end. */
public record Page<T>(List<T> items, String nextToken) {
    public Page {
        items = List.copyOf(items);
    }

    public boolean hasMore() {
        return nextToken != null;
    }
}
