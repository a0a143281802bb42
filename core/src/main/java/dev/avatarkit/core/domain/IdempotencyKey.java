package dev.avatarkit.core.domain;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.HexFormat;
import java.util.regex.Pattern;

/**
 * Minted once when a job is created and never changed: sent as HeyGen's {@code Idempotency-Key} (v3) and as
 * {@code callback_id} (legacy), so every retry of a create is recognisable as the same request.
 * The syntax is HeyGen's: 1–255 characters of {@code [A-Za-z0-9_:.-]}.
 */
public record IdempotencyKey(String value) {
    private static final Pattern SYNTAX = Pattern.compile("[A-Za-z0-9_:.\\-]{1,255}");

    public IdempotencyKey {
        Require.nonBlank(value, "idempotencyKey");
        Require.that(
                SYNTAX.matcher(value).matches(),
                "idempotencyKey",
                "'idempotencyKey' must be 1–255 characters of [A-Za-z0-9_:.-]");
    }

    /** A key for a new job with no natural identity. */
    public static IdempotencyKey forJob(JobId id) {
        return new IdempotencyKey("ak-" + id.value());
    }

    /**
     * A key derived from a stable description of the work (e.g. batch id + row number + row content), so
     * that re-running the same batch maps each row to the same key and never submits it twice.
     */
    public static IdempotencyKey derived(String scope, String naturalKey) {
        try {
            byte[] hash = MessageDigest.getInstance("SHA-256").digest(naturalKey.getBytes(StandardCharsets.UTF_8));
            return new IdempotencyKey("ak-" + scope + "-" + HexFormat.of().formatHex(hash, 0, 16));
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("SHA-256 is always available", e);
        }
    }

    @Override
    public String toString() {
        return value;
    }
}
