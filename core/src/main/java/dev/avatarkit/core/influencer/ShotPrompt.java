package dev.avatarkit.core.influencer;

import dev.avatarkit.core.domain.IdentitySpec;
import dev.avatarkit.core.domain.Shot;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

/**
 * The prompt for one still. HeyGen v3 has no angle/pose parameter (reference §5.5): the camera, expression and
 * setting are prompt-only, and identity consistency comes from the base look passed as {@code avatar_id}. So the
 * prompt restates who it is, then the shot, and always fits the provider's 1,000 characters: the shot part is
 * kept whole and the appearance prompt is shortened at a word boundary if needed.
 */
public final class ShotPrompt {
    private static final Map<String, String> ANGLES = Map.of(
            "front", "facing the camera straight on",
            "three-quarter-left", "three-quarter view facing left",
            "three-quarter-right", "three-quarter view facing right",
            "profile-left", "side profile facing left",
            "profile-right", "side profile facing right",
            "high-angle", "seen from a high angle, camera above eye level looking down",
            "low-angle", "seen from a low angle, camera below eye level looking up",
            "over-the-shoulder", "over-the-shoulder shot, looking back at the camera",
            "back-three-quarter", "seen from behind at three-quarters, face partly turned to the camera");
    private static final Map<String, String> FRAMINGS = Map.of(
            "closeup", "head-and-shoulders close-up",
            "close-up", "head-and-shoulders close-up",
            "half-body", "half-body shot, waist up",
            "full-body", "full-body shot, head to toe");
    private static final Map<String, String> SETTINGS = Map.of(
            "studio", "in a photo studio with soft neutral lighting",
            "street", "on a city street in daylight",
            "cafe", "in a cosy café",
            "beach", "on a beach in warm late-afternoon light",
            "office", "in a bright modern office",
            "park", "in a green park");

    private static final int FIELD_MAX = 80;

    private ShotPrompt() {}

    public static String build(IdentitySpec identity, Shot shot) {
        String shotPart = "Camera: " + phrase(ANGLES, shot.angle()) + ", " + phrase(FRAMINGS, shot.framing())
                + ". Expression: " + clip(shot.expression()) + ". Setting: " + phrase(SETTINGS, shot.setting())
                + ". Keep the face, hair, skin tone and build identical to the reference look; photorealistic.";
        String who = "Same person as the reference look: " + attributes(identity);
        int room = Math.max(0, IdentitySpec.MAX_PROMPT_CHARS - shotPart.length() - who.length() - 3);
        return who + shorten(identity.prompt().strip(), room) + ". " + shotPart;
    }

    private static String attributes(IdentitySpec identity) {
        List<String> parts = new ArrayList<>();
        if (present(identity.age())) parts.add("age " + clip(identity.age()));
        if (present(identity.gender())) parts.add(clip(identity.gender()));
        if (present(identity.ethnicity())) parts.add(clip(identity.ethnicity()));
        if (present(identity.style())) parts.add(clip(identity.style()) + " style");
        return parts.isEmpty() ? "" : String.join(", ", parts) + "; ";
    }

    private static String phrase(Map<String, String> vocabulary, String value) {
        return vocabulary.getOrDefault(ShotSlugs.normalise(value), clip(value));
    }

    /** Free text from shot files and attributes is capped so the shot part always fits beside the appearance. */
    private static String clip(String value) {
        String text = value.strip();
        return text.length() <= FIELD_MAX ? text : text.substring(0, FIELD_MAX - 1) + "…";
    }

    private static String shorten(String text, int room) {
        String trimmed = text.endsWith(".") ? text.substring(0, text.length() - 1) : text;
        if (trimmed.length() <= room) return trimmed;
        if (room < 2) return "";
        int cut = trimmed.lastIndexOf(' ', Math.max(0, room - 1));
        return trimmed.substring(0, cut > room / 2 ? cut : Math.max(0, room - 1)) + "…";
    }

    private static boolean present(String value) {
        return value != null && !value.isBlank();
    }
}
