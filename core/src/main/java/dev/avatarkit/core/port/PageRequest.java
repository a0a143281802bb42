package dev.avatarkit.core.port;

import dev.avatarkit.core.domain.Require;

/** Which page to read: a size (1–100) and the token from the previous page (null for the first). */
public record PageRequest(int limit, String token) {
    public PageRequest {
        Require.between(limit, 1, 100, "limit");
    }

    public static PageRequest first(int limit) {
        return new PageRequest(limit, null);
    }
}
