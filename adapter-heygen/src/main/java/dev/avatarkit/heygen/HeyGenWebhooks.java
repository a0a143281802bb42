package dev.avatarkit.heygen;

import com.squareup.moshi.JsonAdapter;
import com.squareup.moshi.Moshi;
import dev.avatarkit.core.port.ProviderEvent;
import dev.avatarkit.core.port.ProviderEvents;
import dev.avatarkit.core.port.WebhookRejectedException;
import java.nio.charset.StandardCharsets;
import java.security.GeneralSecurityException;
import java.security.MessageDigest;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.HexFormat;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import javax.crypto.Mac;
import javax.crypto.spec.SecretKeySpec;

/**
 * Verifies HeyGen webhook deliveries: lowercase-hex HMAC-SHA256 of the raw body keyed with the endpoint secret,
 * found in {@code Heygen-Signature}, {@code x-heygen-signature} or {@code signature} (any case — HeyGen's sources
 * disagree); an optional {@code Heygen-Timestamp} (Unix seconds) must be within ±5 minutes of the injected clock;
 * comparison is constant-time. The dedupe id is the body's {@code event_id}, else the SHA-256 of the body — both
 * signed; the unsigned {@code Heygen-Event-Id} header is ignored, so a replayed delivery is always a duplicate.
 */
final class HeyGenWebhooks implements ProviderEvents {
    static final Duration TOLERANCE = Duration.ofMinutes(5);
    private static final List<String> SIGNATURE_HEADERS =
            List.of("heygen-signature", "x-heygen-signature", "signature");
    private static final JsonAdapter<Object> ANY = new Moshi.Builder().build().adapter(Object.class);

    private final byte[] secret;
    private final Clock clock;

    HeyGenWebhooks(String secret, Clock clock) {
        this.secret = secret == null ? null : secret.getBytes(StandardCharsets.UTF_8);
        this.clock = clock;
    }

    @Override
    public ProviderEvent verify(Map<String, List<String>> headers, byte[] rawBody) {
        if (secret == null)
            throw new WebhookRejectedException("no webhook secret configured: every delivery is refused");
        if (rawBody == null) throw new WebhookRejectedException("empty body");
        String signature = null;
        for (String name : SIGNATURE_HEADERS) {
            signature = header(headers, name);
            if (signature != null) break;
        }
        if (signature == null) throw new WebhookRejectedException("missing signature header");
        byte[] expected = HexFormat.of().formatHex(hmac(rawBody)).getBytes(StandardCharsets.US_ASCII);
        byte[] given = signature.trim().toLowerCase(Locale.ROOT).getBytes(StandardCharsets.US_ASCII);
        if (!MessageDigest.isEqual(expected, given)) throw new WebhookRejectedException("bad signature");
        checkTimestamp(header(headers, "heygen-timestamp"));
        return parse(headers, rawBody);
    }

    private void checkTimestamp(String timestamp) {
        if (timestamp == null) return;
        long seconds;
        try {
            seconds = Long.parseLong(timestamp.trim());
        } catch (NumberFormatException e) {
            throw new WebhookRejectedException("unreadable Heygen-Timestamp");
        }
        Duration skew = Duration.between(Instant.ofEpochSecond(seconds), clock.instant())
                .abs();
        if (skew.compareTo(TOLERANCE) > 0)
            throw new WebhookRejectedException("stale delivery (timestamp off by " + skew.toSeconds() + " s)");
    }

    private static ProviderEvent parse(Map<String, List<String>> headers, byte[] rawBody) {
        Object root;
        try {
            root = ANY.fromJson(new String(rawBody, StandardCharsets.UTF_8));
        } catch (Exception e) {
            throw new WebhookRejectedException("body is not JSON");
        }
        if (!(root instanceof Map<?, ?> body) || !(body.get("event_type") instanceof String type) || type.isBlank()) {
            throw new WebhookRejectedException("body is not a HeyGen event (no event_type)");
        }
        Map<?, ?> data = body.get("event_data") instanceof Map<?, ?> m ? m : Map.of();
        // the dedupe id must come from what the signature covers: a Heygen-Event-Id header is not signed, so a
        // captured delivery resent with fresh ids would otherwise count as new events (and buy a status read each)
        String eventId = text(body.get("event_id"));
        if (eventId == null) eventId = "sha256:" + HexFormat.of().formatHex(sha256(rawBody));
        String ref = first(text(data.get("video_id")), text(data.get("video_translate_id")), text(data.get("id")));
        return new ProviderEvent(eventId, type, ref, text(data.get("callback_id")));
    }

    private byte[] hmac(byte[] body) {
        try {
            Mac mac = Mac.getInstance("HmacSHA256");
            mac.init(new SecretKeySpec(secret, "HmacSHA256"));
            return mac.doFinal(body);
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException("HmacSHA256 is always available", e);
        }
    }

    private static byte[] sha256(byte[] body) {
        try {
            return MessageDigest.getInstance("SHA-256").digest(body);
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException("SHA-256 is always available", e);
        }
    }

    private static String header(Map<String, List<String>> headers, String name) {
        if (headers == null) return null;
        for (Map.Entry<String, List<String>> e : headers.entrySet()) {
            if (e.getKey() != null
                    && e.getKey().equalsIgnoreCase(name)
                    && e.getValue() != null
                    && !e.getValue().isEmpty()) {
                String v = e.getValue().get(0);
                if (v != null && !v.isBlank()) return v;
            }
        }
        return null;
    }

    private static String text(Object value) {
        String s = Envelope.str(value);
        return s == null || s.isBlank() ? null : s;
    }

    private static String first(String... values) {
        for (String v : values) if (v != null) return v;
        return null;
    }
}
