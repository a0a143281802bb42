package dev.avatarkit.http;

import dev.avatarkit.runtime.Secret;
import io.javalin.http.Context;
import io.javalin.http.Handler;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.List;
import java.util.Map;

/**
 * {@code Authorization: Bearer <token>} on {@code /v1/*}, run by each {@code /v1} route ({@link #guarding}) and, for
 * paths no route matches, by the 404/405 mappers, so every {@code /v1} request is authenticated before anything
 * else. Only SHA-256 digests of the accepted tokens are kept; a presented token is hashed and compared against
 * every digest with {@link MessageDigest#isEqual} (no early exit). No header or a malformed one: 401 with
 * {@code WWW-Authenticate: Bearer}. A well-formed but unknown token: 403. Tokens are never logged nor echoed;
 * the request carries only the {@link Client} (the token's position).
 */
final class BearerAuth implements Handler {
    private static final String CHALLENGE = "Bearer realm=\"avatarkit\"";
    /**
     * One SHA-256 engine per Jetty thread: {@code MessageDigest.getInstance} looks the provider up and allocates
     * on every call, and this runs before every {@code /v1} request.
     */
    private static final ThreadLocal<MessageDigest> SHA256 = ThreadLocal.withInitial(BearerAuth::newSha256);

    private static final String SCOPE = "/v1/";

    private final List<byte[]> digests;

    BearerAuth(List<Secret> tokens) {
        this.digests = tokens.stream().map(t -> sha256(t.reveal())).toList();
    }

    /** True for the paths this guards: the JSON API under {@code /v1/}. */
    static boolean guards(String path) {
        return path.startsWith(SCOPE);
    }

    /** The route's handler, run only after the request authenticated (it can then read {@link Client#of}). */
    Handler guarding(Handler route) {
        return ctx -> {
            handle(ctx);
            route.handle(ctx);
        };
    }

    @Override
    public void handle(Context ctx) {
        String header = ctx.header("Authorization");
        if (header == null || header.isBlank()) {
            throw unauthorized("missing Authorization header: send 'Authorization: Bearer <token>'");
        }
        if (header.length() < 8 || !header.regionMatches(true, 0, "Bearer ", 0, 7)) {
            throw unauthorized("the Authorization header must use the Bearer scheme");
        }
        String token = header.substring(7).trim();
        if (token.isEmpty() || token.length() > 4096 || !isToken68(token)) {
            throw unauthorized("malformed bearer token");
        }
        byte[] presented = sha256(token);
        int match = -1;
        for (int i = 0; i < digests.size(); i++) {
            if (MessageDigest.isEqual(digests.get(i), presented))
                match = i; // no early exit: time is independent of the position
        }
        if (match < 0) {
            throw new ProblemException(
                    Problem.of(403, "forbidden", "Forbidden", "the bearer token is not accepted here", null));
        }
        new Client(match).attach(ctx);
    }

    private static ProblemException unauthorized(String detail) {
        return new ProblemException(
                Problem.of(401, "unauthorized", "Unauthorized", detail, "Authorization"),
                Map.of("WWW-Authenticate", CHALLENGE));
    }

    /** The b64token alphabet as a table: one lookup a character instead of up to nine comparisons. */
    private static final boolean[] TOKEN68 = token68Table();

    /**
     * RFC 6750 b64token, {@code [A-Za-z0-9-._~+/]+=*}, checked by hand: a regex match allocated a matcher and
     * its groups on every request.
     */
    static boolean isToken68(String token) {
        int end = token.length();
        while (end > 0 && token.charAt(end - 1) == '=') end--;
        if (end == 0) return false;
        for (int i = 0; i < end; i++) {
            char c = token.charAt(i);
            if (c >= TOKEN68.length || !TOKEN68[c]) return false;
        }
        return true;
    }

    private static boolean[] token68Table() {
        boolean[] table = new boolean[128];
        for (char c = 'A'; c <= 'Z'; c++) table[c] = true;
        for (char c = 'a'; c <= 'z'; c++) table[c] = true;
        for (char c = '0'; c <= '9'; c++) table[c] = true;
        for (char c : "-._~+/".toCharArray()) table[c] = true;
        return table;
    }

    static byte[] sha256(String token) {
        return SHA256.get().digest(token.getBytes(StandardCharsets.UTF_8)); // digest() also resets the engine
    }

    private static MessageDigest newSha256() {
        try {
            return MessageDigest.getInstance("SHA-256");
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("SHA-256 is always available", e);
        }
    }
}
