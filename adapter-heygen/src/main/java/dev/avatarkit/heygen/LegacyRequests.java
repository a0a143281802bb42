package dev.avatarkit.heygen;

import com.squareup.moshi.Json;
import java.util.List;

/**
 * Legacy v1/v2 request bodies (reference §2, §8); null components are left out. Built by {@link LegacyBodies}.
 * Internal, not API: public only because Moshi reads records through a public lookup.
 */
public final class LegacyRequests {
    private LegacyRequests() {}

    /** {@code POST /v2/video/generate}. */
    public record VideoGenerate(
            @Json(name = "video_inputs") List<VideoInput> videoInputs,
            WireRequests.Size dimension,
            Boolean caption,
            Boolean test,
            String title,
            @Json(name = "callback_id") String callbackId,
            @Json(name = "callback_url") String callbackUrl) {}

    public record VideoInput(CharacterBody character, VoiceBody voice, BackgroundBody background) {}

    /** {@code type: avatar} (with style, scale, offset) or {@code type: talking_photo}. */
    public record CharacterBody(
            String type,
            @Json(name = "avatar_id") String avatarId,
            @Json(name = "avatar_style") String avatarStyle,
            Double scale,
            Offset offset,
            @Json(name = "talking_photo_id") String talkingPhotoId) {}

    public record Offset(double x, double y) {}

    /** {@code type: text | audio | silence}. */
    public record VoiceBody(
            String type,
            @Json(name = "voice_id") String voiceId,
            @Json(name = "input_text") String inputText,
            Double speed,
            Integer pitch,
            String emotion,
            String locale,
            @Json(name = "audio_url") String audioUrl,
            @Json(name = "audio_asset_id") String audioAssetId,
            Double duration) {}

    /** {@code type: color} with {@code value}, or {@code image|video} with {@code url}. */
    public record BackgroundBody(String type, String value, String url) {}

    /** {@code POST /v2/photo_avatar/photo/generate}: an identity's first photo, from attributes. */
    public record PhotoGenerate(
            String name,
            String age,
            String gender,
            String ethnicity,
            String orientation,
            String pose,
            String style,
            String appearance) {}

    /** {@code POST /v2/photo_avatar/look/generate}: one still of a trained group. */
    public record LookGenerate(
            @Json(name = "group_id") String groupId, String prompt, String orientation, String pose, String style) {}

    /** {@code POST /v2/photo_avatar/avatar_group/create}. */
    public record GroupCreate(
            String name,
            @Json(name = "image_key") String imageKey,
            @Json(name = "generation_id") String generationId) {}

    /** {@code POST /v2/photo_avatar/avatar_group/add}. */
    public record GroupAdd(
            @Json(name = "group_id") String groupId,
            @Json(name = "image_keys") List<String> imageKeys,
            String name) {}

    /** {@code POST /v2/photo_avatar/train}. */
    public record Train(@Json(name = "group_id") String groupId) {}
}
