package dev.avatarkit.heygen;

import dev.avatarkit.core.domain.ValidationException;
import java.util.Locale;

/** The HeyGen dialect spoken ({@code HEYGEN_API_VERSION}). */
public enum ApiVersion {
    /** Current API: {@code /v3/...}, {@code Idempotency-Key} on creates, bulk statuses. */
    V3,
    /** Legacy: {@code POST /v2/video/generate} + {@code GET /v1/video_status.get}, v2 templates and photo avatars. */
    V2;

    public static ApiVersion parse(String text) {
        if (text == null || text.isBlank()) return V3;
        return switch (text.trim().toLowerCase(Locale.ROOT)) {
            case "v3", "3" -> V3;
            case "v2", "2", "legacy" -> V2;
            default ->
                throw new ValidationException(
                        "HEYGEN_API_VERSION", "'HEYGEN_API_VERSION' must be v3 or v2, was '" + text + "'");
        };
    }
}
