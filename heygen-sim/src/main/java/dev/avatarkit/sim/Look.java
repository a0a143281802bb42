package dev.avatarkit.sim;

import java.time.Instant;
import java.util.List;
import java.util.Map;

/** An avatar look (outfit/pose/still of a character); its id is what videos take as {@code avatar_id}. */
final class Look {
    final String id;
    final String name;
    final String groupId;
    final String avatarType;
    final String gender;
    final String defaultVoiceId;
    final String prompt;
    final boolean isPublic;
    final Instant createdAt;
    final Instant readyAt;
    final int width;
    final int height;
    final String orientation;

    Look(
            String id,
            String name,
            String groupId,
            String avatarType,
            String gender,
            String defaultVoiceId,
            String prompt,
            boolean isPublic,
            Instant createdAt,
            Instant readyAt,
            int width,
            int height,
            String orientation) {
        this.id = id;
        this.name = name;
        this.groupId = groupId;
        this.avatarType = avatarType;
        this.gender = gender;
        this.defaultVoiceId = defaultVoiceId;
        this.prompt = prompt;
        this.isPublic = isPublic;
        this.createdAt = createdAt;
        this.readyAt = readyAt;
        this.width = width;
        this.height = height;
        this.orientation = orientation;
    }

    boolean ready(Instant now) {
        return isPublic || !now.isBefore(readyAt);
    }

    /** v3 look object ({@code GET /v3/avatars/looks/{id}}); status only for private looks. */
    Map<String, Object> toV3(UrlSigner signer, Instant now) {
        boolean ready = ready(now);
        Map<String, Object> m = JsonMaps.obj(
                "id",
                id,
                "name",
                name,
                "avatar_type",
                avatarType,
                "group_id",
                groupId,
                "preview_image_url",
                ready ? signer.fileUrl(id + ".png") : null,
                "preview_video_url",
                isPublic ? signer.fileUrl(id + ".mp4") : null,
                "image_width",
                width,
                "image_height",
                height,
                "preferred_orientation",
                orientation,
                "default_voice_id",
                defaultVoiceId,
                "gender",
                gender,
                "tags",
                isPublic ? List.of("public") : List.of(),
                "supported_api_engines",
                "studio_avatar".equals(avatarType) ? List.of("avatar_iv", "avatar_iii") : List.of("avatar_iv"));
        if (!isPublic) {
            m.put("status", ready ? "completed" : "processing");
            m.put("error", null);
        }
        return m;
    }

    /** Legacy photo-avatar look object (v2 {@code photo_avatar/avatar_group/create}). */
    Map<String, Object> toLegacyPhoto(UrlSigner signer, Instant now) {
        return JsonMaps.obj(
                "id",
                id,
                "image_url",
                signer.fileUrl(id + ".png"),
                "created_at",
                createdAt.getEpochSecond(),
                "name",
                name,
                "status",
                ready(now) ? "completed" : "pending",
                "group_id",
                groupId,
                "is_motion",
                false,
                "motion_preview_url",
                null,
                "business_type",
                "generated",
                "upscale_availability",
                JsonMaps.obj("available", false, "reason", "not supported by the simulator"),
                "upscaled",
                false,
                "background_sound_effect",
                null);
    }
}
