package dev.avatarkit.did;

import com.squareup.moshi.JsonAdapter;
import com.squareup.moshi.Moshi;
import dev.avatarkit.core.port.ProviderEvent;
import dev.avatarkit.core.port.ProviderEvents;
import dev.avatarkit.core.port.WebhookRejectedException;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.HexFormat;
import java.util.List;
import java.util.Map;

/**
 * D-ID's per-job webhook. It is unsigned (no secret, no signature header in D-ID's docs), so a delivery is only a hint:
 * the event carries the render's id and our key (from {@code user_data}, else {@code name}) so the engine re-reads the
 * job through the authenticated API. The body's status and result URL are never read: anyone could have sent them.
 */
final class DidWebhooks implements ProviderEvents {
    /** Deliveries bigger than this are not D-ID's job objects. */
    static final int MAX_BODY_BYTES = 256 * 1024;

    private final JsonAdapter<Wire.Job> jobs = new Moshi.Builder().build().adapter(Wire.Job.class);

    @Override
    public ProviderEvent verify(Map<String, List<String>> headers, byte[] rawBody) {
        if (rawBody == null || rawBody.length == 0) throw new WebhookRejectedException("empty D-ID webhook body");
        if (rawBody.length > MAX_BODY_BYTES)
            throw new WebhookRejectedException("D-ID webhook body over " + MAX_BODY_BYTES + " bytes");
        Wire.Job job;
        try {
            job = jobs.fromJson(new String(rawBody, StandardCharsets.UTF_8));
        } catch (IOException | RuntimeException e) {
            throw new WebhookRejectedException("D-ID webhook body is not a talk or clip object");
        }
        if (job == null || job.id() == null || job.id().isBlank()) {
            throw new WebhookRejectedException("D-ID webhook body has no id");
        }
        String key = nonBlank(job.userData()) != null ? job.userData() : nonBlank(job.name());
        String ref =
                DidRef.guess(job.id(), job.object()).map(r -> r.toRef().value()).orElse(job.id());
        // the body's hash dedupes a repeated delivery; a later one (a new status) is a new hint
        return new ProviderEvent(
                "d-id:" + sha256(rawBody), "d-id." + (job.object() == null ? "render" : job.object()), ref, key);
    }

    private static String nonBlank(String s) {
        return s == null || s.isBlank() ? null : s;
    }

    private static String sha256(byte[] body) {
        try {
            return HexFormat.of().formatHex(MessageDigest.getInstance("SHA-256").digest(body));
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("SHA-256 is always available", e);
        }
    }
}
