package dev.avatarkit.core.influencer;

import dev.avatarkit.core.domain.IdentitySpec;
import dev.avatarkit.core.domain.Shot;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

/**
 * The prompt for one still. HeyGen v3 has no angle/pose parameter (reference §5.5): the camera, expression and
 * setting are prompt-only, and identity consistency comes from the base look passed as {@code avatar_id}. HeyGen's
 * April schema caps {@code prompt} at {@value #MAX_CHARS} characters (a docs page says 1,000; the July schema is
 * silent), so every prompt fits {@value #MAX_CHARS}: angle, framing and expression always survive (free text clipped
 * to {@value #FIELD_MAX} each); setting, the "same person" note and the appearance follow while there is room.
 */
public final class ShotPrompt {
    private static final Map<String, String> ANGLES = Map.of(
            "front", "facing the camera straight on",
            "three-quarter-left", "three-quarter view facing left",
            "three-quarter-right", "three-quarter view facing right",
            "profile-left", "side profile facing left",
            "profile-right", "side profile facing right",
            "high-angle", "high angle, camera looking down",
            "low-angle", "low angle, camera looking up",
            "over-the-shoulder", "over-the-shoulder, looking back at the camera",
            "back-three-quarter", "from behind at three-quarters, face half turned");
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

    /** The strictest published limit on a still's prompt (HeyGen v3 April 2026 schema, {@code maxLength: 200}). */
    public static final int MAX_CHARS = 200;

    private static final int FIELD_MAX = 50;

    private ShotPrompt() {}

    public static String build(IdentitySpec identity, Shot shot) {
        // the shot itself: never dropped (each part is at most FIELD_MAX, so these three fit the limit together)
        StringBuilder prompt = new StringBuilder(phrase(ANGLES, shot.angle()))
                .append(", ")
                .append(phrase(FRAMINGS, shot.framing()))
                .append(", expression: ")
                .append(clip(shot.expression()));
        appendIfRoom(prompt, ", " + phrase(SETTINGS, shot.setting()));
        appendIfRoom(prompt, ". Same person as the reference look, photorealistic");
        String who = attributes(identity) + identity.prompt().strip();
        int room = MAX_CHARS - prompt.length() - 3;
        if (room > 10) prompt.append(". ").append(shorten(who, room));
        return prompt.append('.').toString();
    }

    private static void appendIfRoom(StringBuilder prompt, String part) {
        if (prompt.length() + part.length() + 1 <= MAX_CHARS) prompt.append(part);
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
