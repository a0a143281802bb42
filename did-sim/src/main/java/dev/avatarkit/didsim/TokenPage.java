package dev.avatarkit.didsim;

import java.nio.charset.StandardCharsets;
import java.util.Base64;
import java.util.List;
import java.util.function.Function;

/**
 * D-ID's token paging over a newest-first list: {@code limit} items, and a {@code token} naming the last one when
 * more follow (absent on the last page). The token is opaque to clients; here it is the last id, base64url.
 *
 * @param items the page's items
 * @param token the token for the next page, or null on the last page
 */
record TokenPage<T>(List<T> items, String token) {
    /** Whatever a client sends, pages hold at most this many (D-ID's largest documented default is 1000). */
    static final int MAX_LIMIT = 1000;

    /**
     * The page of {@code all} (newest first) that follows {@code token}; an unknown token is the caller's error.
     *
     * @throws IllegalArgumentException naming {@code token} when it does not come from this list
     */
    static <T> TokenPage<T> of(List<T> all, Function<T, String> id, int limit, String token) {
        int from = 0;
        if (token != null && !token.isEmpty()) {
            String last = decode(token);
            int at = -1;
            for (int i = 0; i < all.size() && at < 0; i++)
                if (id.apply(all.get(i)).equals(last)) at = i;
            if (at < 0) throw new IllegalArgumentException("'token' is not a pagination token of this list");
            from = at + 1;
        }
        int to = Math.min(all.size(), from + Math.min(limit, MAX_LIMIT));
        List<T> items = List.copyOf(all.subList(Math.min(from, to), to));
        String next = to < all.size() && !items.isEmpty() ? encode(id.apply(items.get(items.size() - 1))) : null;
        return new TokenPage<>(items, next);
    }

    private static String encode(String id) {
        return Base64.getUrlEncoder().withoutPadding().encodeToString(id.getBytes(StandardCharsets.UTF_8));
    }

    private static String decode(String token) {
        try {
            return new String(Base64.getUrlDecoder().decode(token), StandardCharsets.UTF_8);
        } catch (IllegalArgumentException e) {
            throw new IllegalArgumentException("'token' is not a pagination token of this list");
        }
    }
}
