package dev.avatarkit.http.dashboard;

import dev.avatarkit.runtime.Secret;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.List;
import java.util.OptionalInt;

/**
 * Checks a token typed into the sign-in form against the server's bearer tokens: only SHA-256 digests are kept,
 * and every digest is compared with {@link MessageDigest#isEqual} without an early exit, so the time taken says
 * nothing about which token (or how much of one) matched.
 */
final class TokenCheck {
    private final List<byte[]> digests;

    TokenCheck(List<Secret> tokens) {
        this.digests = tokens.stream().map(t -> sha256(t.reveal())).toList();
    }

    /** The matching token's position, or empty. */
    OptionalInt match(String presented) {
        if (presented == null || presented.isBlank() || presented.length() > 4096) return OptionalInt.empty();
        byte[] digest = sha256(presented.trim());
        int match = -1;
        for (int i = 0; i < digests.size(); i++) {
            if (MessageDigest.isEqual(digests.get(i), digest)) match = i;
        }
        return match < 0 ? OptionalInt.empty() : OptionalInt.of(match);
    }

    private static byte[] sha256(String token) {
        try {
            return MessageDigest.getInstance("SHA-256").digest(token.getBytes(StandardCharsets.UTF_8));
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("SHA-256 is always available", e);
        }
    }
}
