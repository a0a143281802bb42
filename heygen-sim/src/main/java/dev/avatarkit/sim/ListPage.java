package dev.avatarkit.sim;

import java.util.List;

/** One page of a list plus the opaque cursor for the next one (token = "t" + offset, opaque to clients). */
public record ListPage<T>(List<T> items, boolean hasMore, String nextToken) {
    /** Pages {@code all} from {@code token}; returns null if the token is unreadable. */
    public static <T> ListPage<T> of(List<T> all, int limit, String token) {
        int from = 0;
        if (token != null && !token.isEmpty()) {
            if (!token.startsWith("t")) return null;
            try {
                from = Integer.parseInt(token.substring(1));
            } catch (NumberFormatException e) {
                return null;
            }
        }
        from = Math.min(Math.max(from, 0), all.size());
        int to = Math.min(all.size(), from + limit);
        boolean more = to < all.size();
        return new ListPage<>(List.copyOf(all.subList(from, to)), more, more ? "t" + to : null);
    }
}
