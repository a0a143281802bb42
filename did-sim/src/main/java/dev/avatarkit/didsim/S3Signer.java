package dev.avatarkit.didsim;

import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.security.GeneralSecurityException;
import java.security.MessageDigest;
import java.time.Instant;
import java.util.Base64;
import java.util.Map;
import javax.crypto.Mac;
import javax.crypto.spec.SecretKeySpec;

/**
 * Presigns the simulator's object URLs the way D-ID's result links look (S3 query-string auth:
 * {@code ?AWSAccessKeyId=…&Expires=<unix>&Signature=…}) and checks them when they come back.
 */
final class S3Signer {
    static final String ACCESS_KEY_ID = "ASIADIDSIMSANDBOX";

    /** What a presigned URL check found. */
    enum Verdict {
        OK,
        BAD_SIGNATURE,
        EXPIRED
    }

    private final byte[] key;
    private volatile String baseUrl = "";

    S3Signer(byte[] key) {
        this.key = key.clone();
    }

    void baseUrl(String url) {
        this.baseUrl = url;
    }

    /** {@code <base>/_sim/s3/<objectKey>?AWSAccessKeyId=…&Expires=…&Signature=…}. */
    String presign(String objectKey, Instant expires) {
        long epoch = expires.getEpochSecond();
        return baseUrl + "/_sim/s3/" + objectKey + "?AWSAccessKeyId=" + ACCESS_KEY_ID + "&Expires=" + epoch
                + "&Signature=" + URLEncoder.encode(signature(objectKey, epoch), StandardCharsets.UTF_8);
    }

    Verdict check(String objectKey, Map<String, String> query, Instant now) {
        String expires = query.get("Expires");
        String sig = query.get("Signature");
        if (expires == null || sig == null || !ACCESS_KEY_ID.equals(query.get("AWSAccessKeyId")))
            return Verdict.BAD_SIGNATURE;
        long epoch;
        try {
            epoch = Long.parseLong(expires);
        } catch (NumberFormatException e) {
            return Verdict.BAD_SIGNATURE;
        }
        boolean same = MessageDigest.isEqual(
                signature(objectKey, epoch).getBytes(StandardCharsets.US_ASCII),
                sig.getBytes(StandardCharsets.US_ASCII));
        if (!same) return Verdict.BAD_SIGNATURE;
        return now.getEpochSecond() >= epoch ? Verdict.EXPIRED : Verdict.OK;
    }

    private String signature(String objectKey, long expires) {
        try {
            Mac mac = Mac.getInstance("HmacSHA256");
            mac.init(new SecretKeySpec(key, "HmacSHA256"));
            byte[] raw = mac.doFinal(("GET\n" + expires + "\n/" + objectKey).getBytes(StandardCharsets.UTF_8));
            return Base64.getEncoder().encodeToString(raw);
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException("HmacSHA256 is missing from this JDK", e);
        }
    }
}
