package dev.avatarkit.did;

import com.squareup.moshi.Json;
import java.util.List;
import java.util.Map;

/**
 * D-ID's response shapes, only the fields we read (Moshi skips the rest). Bare objects, snake_case, no envelope.
 * Internal, not API: public only because Moshi reads records through a public lookup.
 */
public final class Wire {
    private Wire() {}

    /**
     * A talk or a clip (same status vocabulary). {@code user_data} is promised by the create docs but missing from the
     * published GetTalkDto, so reconcile also matches {@code name}; {@code error} is only documented for other kinds.
     */
    public record Job(
            String id,
            String object,
            String status,
            @Json(name = "result_url") String resultUrl,
            @Json(name = "user_data") String userData,
            String name,
            @Json(name = "created_at") String createdAt,
            Map<String, Object> error) {}

    /** A page of {@code GET /talks} or {@code GET /clips}; the token is absent or empty on the last page. */
    public record Jobs(List<Job> talks, List<Job> clips, String token) {}

    public record Presenter(
            @Json(name = "presenter_id") String presenterId,
            String name,
            String gender,
            @Json(name = "thumbnail_url") String thumbnailUrl,
            @Json(name = "image_url") String imageUrl,
            String status) {}

    public record Presenters(List<Presenter> presenters, String token) {}

    /** One entry of {@code GET /tts/voices} (a bare array, not paged); most voices name their language in {@code languages}. */
    public record Voice(
            String id,
            String name,
            String gender,
            String language,
            List<Map<String, Object>> languages,
            String provider) {
        String anyLanguage() {
            if (language != null && !language.isBlank()) return language;
            if (languages == null) return null;
            return languages.stream()
                    .map(l -> l.get("language"))
                    .filter(String.class::isInstance)
                    .map(String.class::cast)
                    .findFirst()
                    .orElse(null);
        }
    }

    public record Credits(List<CreditLine> credits, Double remaining, Double total) {}

    public record CreditLine(
            Double remaining, @Json(name = "plan_group") String planGroup) {}

    /** D-ID's error body; gateway errors (502/504) may carry {@code message} instead, or no JSON at all. */
    public record Problem(String kind, String description, Object details, String message) {}
}
