package dev.avatarkit.sim;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.time.Duration;
import java.util.HexFormat;
import javax.crypto.Mac;
import javax.crypto.spec.SecretKeySpec;

/** Signs and checks the simulator's own expiring file URLs: {@code /_sim/files/<token>?expires=<unix>&sig=<hex>}. */
public final class UrlSigner {
    private final byte[] key;
    private final SimClock clock;
    private final Duration ttl;
    private volatile String baseUrl = "";

    UrlSigner(byte[] key, SimClock clock, Duration ttl) {
        this.key = key.clone();
        this.clock = clock;
        this.ttl = ttl;
    }

    void baseUrl(String baseUrl) {
        this.baseUrl = baseUrl;
    }

    /** A fresh signed URL for a stored file token, valid for the configured TTL from now (simulated clock). */
    public String fileUrl(String token) {
        long expires = clock.now().plus(ttl).getEpochSecond();
        return baseUrl + "/_sim/files/" + token + "?expires=" + expires + "&sig=" + sign("files/" + token, expires);
    }

    /** A signed URL for a synthetic blob of {@code size} bytes. */
    public String blobUrl(long size) {
        long expires = clock.now().plus(ttl).getEpochSecond();
        return baseUrl + "/_sim/blob?size=" + size + "&expires=" + expires + "&sig=" + sign("blob/" + size, expires);
    }

    /** Result of checking a signed URL. */
    enum Check {
        OK,
        BAD_SIGNATURE,
        EXPIRED
    }

    Check check(String resource, String expires, String sig) {
        if (expires == null || sig == null) return Check.BAD_SIGNATURE;
        long exp;
        try {
            exp = Long.parseLong(expires);
        } catch (NumberFormatException e) {
            return Check.BAD_SIGNATURE;
        }
        byte[] expected = sign(resource, exp).getBytes(StandardCharsets.US_ASCII);
        if (!MessageDigest.isEqual(expected, sig.getBytes(StandardCharsets.US_ASCII))) return Check.BAD_SIGNATURE;
        return clock.now().getEpochSecond() > exp ? Check.EXPIRED : Check.OK;
    }

    private String sign(String resource, long expires) {
        return hmacHex(key, resource + "|" + expires);
    }

    /** Lowercase hex HMAC-SHA256; also the webhook signature algorithm. */
    public static String hmacHex(byte[] key, String data) {
        return hmacHex(key, data.getBytes(StandardCharsets.UTF_8));
    }

    public static String hmacHex(byte[] key, byte[] data) {
        try {
            Mac mac = Mac.getInstance("HmacSHA256");
            mac.init(new SecretKeySpec(key, "HmacSHA256"));
            return HexFormat.of().formatHex(mac.doFinal(data));
        } catch (java.security.GeneralSecurityException e) {
            throw new IllegalStateException(e);
        }
    }
}
