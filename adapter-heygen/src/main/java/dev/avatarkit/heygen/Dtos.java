package dev.avatarkit.heygen;

import com.squareup.moshi.Json;
import java.util.List;
import java.util.Map;

/**
 * Wire shapes of HeyGen's responses (only the fields we use; everything else is ignored). Internal, not API: public
 * only because Moshi reads records through a public lookup.
 */
public final class Dtos {
    private Dtos() {}

    /** A render's or look's own error (not a request error): code as number or text, message under one of three names. */
    public record ItemError(Object code, Object message, Object msg, Object detail) {
        String codeText() {
            return Envelope.str(code);
        }

        String text() {
            Object m = message != null ? message : msg != null ? msg : detail;
            return m == null ? null : String.valueOf(m);
        }
    }

    // ---- v3
    public record V3Video(
            @Json(name = "video_id") String videoId,
            String id,
            String status,
            String title,
            @Json(name = "callback_id") String callbackId,
            @Json(name = "video_url") String videoUrl,
            @Json(name = "captioned_video_url") String captionedVideoUrl,
            @Json(name = "subtitle_url") String subtitleUrl,
            @Json(name = "thumbnail_url") String thumbnailUrl,
            @Json(name = "gif_url") String gifUrl,
            @Json(name = "failure_code") Object failureCode,
            @Json(name = "failure_message") String failureMessage,
            ItemError error,
            @Json(name = "created_at") Double createdAt) {
        String anyId() {
            return videoId != null ? videoId : id;
        }
    }

    public record V3StatusItem(@Json(name = "video_id") String videoId, String id, String status, ItemError error) {
        String anyId() {
            return videoId != null ? videoId : id;
        }
    }

    public record V3Look(
            String id,
            String name,
            @Json(name = "avatar_type") String avatarType,
            @Json(name = "group_id") String groupId,
            String gender,
            @Json(name = "preview_image_url") String previewImageUrl,
            String status,
            ItemError error) {}

    public record V3AvatarCreated(
            @Json(name = "avatar_item") V3Look avatarItem) {}

    public record V3Voice(@Json(name = "voice_id") String voiceId, String name, String language, String gender) {}

    public record V3Template(
            String id,
            @Json(name = "template_id") String templateId,
            String name,
            @Json(name = "aspect_ratio") String aspectRatio) {
        String anyId() {
            return id != null ? id : templateId;
        }
    }

    public record V3TemplateVar(
            String name, @Json(name = "variable_type") String variableType, String type) {}

    public record V3TemplateScene(List<V3TemplateVar> variables) {}

    public record V3TemplateDetail(
            String id, String name, Map<String, Object> variables, List<V3TemplateScene> scenes) {}

    public record V3User(
            String username,
            String email,
            @Json(name = "billing_type") String billingType,
            V3Wallet wallet,
            V3Subscription subscription,
            @Json(name = "usage_based") V3UsageBased usageBased) {}

    /** Amounts and names stay untyped scalars: HeyGen sends numbers as numbers or strings. */
    public record V3Wallet(@Json(name = "remaining_balance") Object remainingBalance, Object currency) {}

    public record V3Subscription(Object plan, V3Credits credits) {}

    public record V3Credits(@Json(name = "premium_credits") V3CreditBalance premiumCredits) {}

    public record V3CreditBalance(Object remaining) {}

    public record V3UsageBased(
            @Json(name = "remaining_credits") Object remainingCredits) {}

    public record V3Asset(@Json(name = "asset_id") String assetId, String id, String url) {}

    public record WebhookEndpointDto(
            @Json(name = "endpoint_id") String endpointId, String url, String secret) {}

    // ---- legacy
    public record LegacyVideoId(@Json(name = "video_id") String videoId) {}

    public record LegacyStatus(
            String id,
            String status,
            @Json(name = "video_url") String videoUrl,
            @Json(name = "thumbnail_url") String thumbnailUrl,
            @Json(name = "gif_url") String gifUrl,
            @Json(name = "caption_url") String captionUrl,
            @Json(name = "video_url_caption") String videoUrlCaption,
            @Json(name = "callback_id") String callbackId,
            ItemError error) {}

    public record LegacyListItem(
            @Json(name = "video_id") String videoId,
            String status,
            @Json(name = "video_title") String videoTitle,
            @Json(name = "callback_id") String callbackId,
            @Json(name = "created_at") Double createdAt) {}

    public record LegacyVideoList(List<LegacyListItem> videos, String token) {}

    public record LegacyAvatar(
            @Json(name = "avatar_id") String avatarId,
            @Json(name = "avatar_name") String avatarName,
            String gender,
            @Json(name = "preview_image_url") String previewImageUrl) {}

    public record LegacyTalkingPhoto(
            @Json(name = "talking_photo_id") String talkingPhotoId,
            @Json(name = "talking_photo_name") String talkingPhotoName,
            @Json(name = "preview_image_url") String previewImageUrl) {}

    public record LegacyAvatars(
            List<LegacyAvatar> avatars,
            @Json(name = "talking_photos") List<LegacyTalkingPhoto> talkingPhotos) {}

    public record LegacyVoice(@Json(name = "voice_id") String voiceId, String name, String language, String gender) {}

    public record LegacyVoices(List<LegacyVoice> voices) {}

    public record LegacyTemplate(
            @Json(name = "template_id") String templateId,
            String name,
            @Json(name = "aspect_ratio") String aspectRatio) {}

    public record LegacyTemplates(List<LegacyTemplate> templates) {}

    public record LegacyTemplateVar(String name, String type) {}

    public record LegacyTemplateDetail(String name, Map<String, LegacyTemplateVar> variables) {}

    public record LegacyQuota(
            @Json(name = "remaining_quota") Double remainingQuota) {}

    public record LegacyAsset(
            String id, String url, @Json(name = "image_key") String imageKey) {}

    public record LegacyGenerationId(
            @Json(name = "generation_id") String generationId) {}

    public record LegacyGeneration(
            String id,
            String status,
            String msg,
            @Json(name = "image_url_list") List<String> imageUrlList,
            @Json(name = "image_key_list") List<String> imageKeyList) {}

    public record LegacyPhotoLook(
            String id,
            @Json(name = "image_url") String imageUrl,
            String status,
            @Json(name = "group_id") String groupId) {}

    public record LegacyGroupAvatars(
            @Json(name = "avatar_list") List<LegacyPhotoLook> avatarList) {}

    public record LegacyTrainStatus(
            String status, @Json(name = "error_msg") String errorMsg) {}
}
