package dev.avatarkit.heygen;

import com.squareup.moshi.Json;
import java.util.List;

/**
 * v3 request bodies as HeyGen's July 2026 schema names them; null components are left out. Built by {@link V3Bodies}
 * and {@link V3AvatarProvider}. Internal, not API: public only because Moshi reads records through a public lookup.
 */
public final class V3Requests {
    private V3Requests() {}

    /**
     * {@code POST /v3/videos}: one scene's {@link SceneInput} fields at the top level ({@code type: avatar|image}), or
     * {@code type: studio} with {@code scenes}.
     */
    public record VideoCreate(
            String type,
            @Json(name = "avatar_id") String avatarId,
            ImageSource image,
            String script,
            @Json(name = "voice_id") String voiceId,
            @Json(name = "voice_settings") VoiceSettings voiceSettings,
            @Json(name = "audio_url") String audioUrl,
            @Json(name = "audio_asset_id") String audioAssetId,
            SceneBackground background,
            List<StudioScene> scenes,
            @Json(name = "aspect_ratio") String aspectRatio,
            String resolution,
            CaptionFormat caption,
            String title,
            @Json(name = "callback_id") String callbackId,
            @Json(name = "callback_url") String callbackUrl) {}

    /** One avatar or image with its audio source and optional background. */
    public record SceneInput(
            String type,
            @Json(name = "avatar_id") String avatarId,
            ImageSource image,
            String script,
            @Json(name = "voice_id") String voiceId,
            @Json(name = "voice_settings") VoiceSettings voiceSettings,
            @Json(name = "audio_url") String audioUrl,
            @Json(name = "audio_asset_id") String audioAssetId,
            SceneBackground background) {}

    public record StudioScene(String type, SceneInput input) {}

    public record ImageSource(String type, String url) {}

    public record VoiceSettings(Double speed, Integer pitch, String locale) {}

    /** Single scenes take {@code {"type":"color","value"}} or an image; studio scenes {@code {"type":"color","color"}}. */
    public record SceneBackground(String type, String value, String color, String url) {}

    public record CaptionFormat(@Json(name = "file_format") String fileFormat) {}

    /** {@code POST /v3/avatars} ({@code type: prompt}): an identity, or a still as a new look of {@code avatar_id}. */
    public record AvatarCreate(
            String type,
            String name,
            String prompt,
            @Json(name = "reference_images") List<ReferenceImage> referenceImages,
            @Json(name = "avatar_id") String avatarId) {}

    public record ReferenceImage(
            String type,
            String url,
            @Json(name = "asset_id") String assetId) {}
}
