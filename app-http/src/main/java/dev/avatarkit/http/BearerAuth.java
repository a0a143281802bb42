package dev.avatarkit.http;

import dev.avatarkit.runtime.Secret;
import io.javalin.http.Context;
import io.javalin.http.Handler;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.List;
import java.util.Map;
import java.util.regex.Pattern;

/**
 * {@code Authorization: Bearer <token>} on {@code /v1/*}. Only SHA-256 digests of the accepted tokens are kept;
 * a presented token is hashed and compared against every digest with {@link MessageDigest#isEqual} (no early exit).
 * No header or a malformed one: 401 with {@code WWW-Authenticate: Bearer}. A well-formed but unknown token: 403.
 * Tokens are never logged nor echoed; the request carries only the {@link Client} (the token's position).
 */
final class BearerAuth implements Handler {
    /** RFC 6750 b64token. */
    private static final Pattern TOKEN68 = Pattern.compile("[A-Za-z0-9\\-._~+/]+=*");
    private static final String CHALLENGE = "Bearer realm=\"avatarkit\"";

    private final List<byte[]> digests;

    BearerAuth(List<Secret> tokens) {
        this.digests = tokens.stream().map(t -> sha256(t.reveal())).toList();
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
        if (token.isEmpty() || token.length() > 4096 || !TOKEN68.matcher(token).matches()) {
            throw unauthorized("malformed bearer token");
        }
        byte[] presented = sha256(token);
        int match = -1;
        for (int i = 0; i < digests.size(); i++) {
            if (MessageDigest.isEqual(digests.get(i), presented)) match = i;   // no early exit: time is independent of the position
        }
        if (match < 0) {
            throw new ProblemException(Problem.of(403, "forbidden", "Forbidden", "the bearer token is not accepted here", null));
        }
        new Client(match).attach(ctx);
    }

    private static ProblemException unauthorized(String detail) {
        return new ProblemException(Problem.of(401, "unauthorized", "Unauthorized", detail, "Authorization"),
                Map.of("WWW-Authenticate", CHALLENGE));
    }

    static byte[] sha256(String token) {
        try {
            return MessageDigest.getInstance("SHA-256").digest(token.getBytes(StandardCharsets.UTF_8));
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("SHA-256 is always available", e);
        }
    }
}
