package dev.avatarkit.sim;

import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CopyOnWriteArrayList;

/** A character (identity) owning one or more looks; legacy photo-avatar training state lives here too. */
final class AvatarGroup {
    final String id;
    final String name;
    final String gender;
    final String defaultVoiceId;
    final boolean isPublic;
    final Instant createdAt;
    final boolean needsConsent;
    final List<String> lookIds = new CopyOnWriteArrayList<>();
    volatile Instant trainStartedAt;

    AvatarGroup(
            String id,
            String name,
            String gender,
            String defaultVoiceId,
            boolean isPublic,
            Instant createdAt,
            boolean needsConsent) {
        this.id = id;
        this.name = name;
        this.gender = gender;
        this.defaultVoiceId = defaultVoiceId;
        this.isPublic = isPublic;
        this.createdAt = createdAt;
        this.needsConsent = needsConsent;
    }

    Map<String, Object> toV3(Catalogue catalogue, UrlSigner signer, Instant now) {
        Look first = lookIds.isEmpty() ? null : catalogue.look(lookIds.get(0));
        boolean ready = first != null && first.ready(now);
        Map<String, Object> m = JsonMaps.obj(
                "id",
                id,
                "name",
                name,
                "gender",
                gender,
                "preview_image_url",
                ready ? signer.fileUrl(first.id + ".png") : null,
                "preview_video_url",
                isPublic && first != null ? signer.fileUrl(first.id + ".mp4") : null,
                "default_voice_id",
                defaultVoiceId,
                "looks_count",
                lookIds.size(),
                "created_at",
                createdAt.getEpochSecond(),
                "consent_status",
                needsConsent ? "pending" : null);
        if (!isPublic) {
            m.put("status", needsConsent ? "pending_consent" : ready ? "completed" : "processing");
            m.put("error", null);
        }
        return m;
    }
}
