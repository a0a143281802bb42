package dev.avatarkit.didsim;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.security.SecureRandom;
import java.util.HexFormat;

/** Ids in D-ID's style ({@code tlk_Xy3…}, {@code clp_…}, {@code img_…}, {@code cst_…}) and the owner id of a key. */
final class Ids {
    private static final String ALPHABET = "ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789-_";
    private static final SecureRandom RANDOM = new SecureRandom();

    private Ids() {}

    static String next(String prefix) {
        StringBuilder b = new StringBuilder(prefix);
        for (int i = 0; i < 21; i++) b.append(ALPHABET.charAt(RANDOM.nextInt(ALPHABET.length())));
        return b.toString();
    }

    /** An auth0-style user id derived from the key by a one-way hash, so it never reveals the key. */
    static String ownerOf(String apiKey) {
        try {
            byte[] h = MessageDigest.getInstance("SHA-256").digest(apiKey.getBytes(StandardCharsets.UTF_8));
            return "google-oauth2|" + HexFormat.of().formatHex(h, 0, 9);
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("SHA-256 is missing from this JDK", e);
        }
    }
}
