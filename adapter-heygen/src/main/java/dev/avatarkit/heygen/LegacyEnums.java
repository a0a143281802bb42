package dev.avatarkit.heygen;

import java.util.List;
import java.util.Locale;

/**
 * Free-text identity attributes → the enums {@code v2/photo_avatar/photo/generate} accepts (reference §8.2). An exact
 * (case-insensitive) enum value wins; then numbers and common words; anything else is {@code "Unspecified"}.
 */
final class LegacyEnums {
    static final List<String> AGES =
            List.of("Young Adult", "Early Middle Age", "Late Middle Age", "Senior", "Unspecified");
    static final List<String> GENDERS = List.of("Woman", "Man", "Unspecified");
    static final List<String> ETHNICITIES = List.of(
            "White",
            "Black",
            "Asian American",
            "East Asian",
            "South East Asian",
            "South Asian",
            "Middle Eastern",
            "Pacific",
            "Hispanic",
            "Unspecified");
    static final List<String> STYLES =
            List.of("Realistic", "Pixar", "Cinematic", "Vintage", "Noir", "Cyberpunk", "Unspecified");

    private LegacyEnums() {}

    static String age(String raw) {
        String exact = exact(raw, AGES);
        if (exact != null) return exact;
        if (raw == null || raw.isBlank()) return "Unspecified";
        String s = raw.toLowerCase(Locale.ROOT);
        java.util.regex.Matcher number =
                java.util.regex.Pattern.compile("\\b(\\d{1,3})\\b").matcher(s);
        if (number.find()) {
            int years = Integer.parseInt(number.group(1));
            if (years >= 13 && years < 35) return "Young Adult";
            if (years >= 35 && years < 50) return "Early Middle Age";
            if (years >= 50 && years < 65) return "Late Middle Age";
            if (years >= 65) return "Senior";
        }
        if (s.contains("senior") || s.contains("elderly") || s.contains("seventies") || s.contains("eighties"))
            return "Senior";
        if (s.contains("late middle") || s.contains("fifties") || s.contains("sixties")) return "Late Middle Age";
        if (s.contains("middle") || s.contains("thirties") || s.contains("forties")) return "Early Middle Age";
        if (s.contains("young") || s.contains("twenties") || s.contains("teen")) return "Young Adult";
        return "Unspecified";
    }

    static String gender(String raw) {
        String exact = exact(raw, GENDERS);
        if (exact != null) return exact;
        if (raw == null) return "Unspecified";
        return switch (raw.trim().toLowerCase(Locale.ROOT)) {
            case "woman", "female", "f", "girl", "women" -> "Woman";
            case "man", "male", "m", "boy", "men" -> "Man";
            default -> "Unspecified";
        };
    }

    static String ethnicity(String raw) {
        String exact = exact(raw, ETHNICITIES);
        if (exact != null) return exact;
        if (raw == null) return "Unspecified";
        return switch (raw.trim().toLowerCase(Locale.ROOT)) {
            case "caucasian", "european" -> "White";
            case "african", "african american" -> "Black";
            case "latino", "latina", "latinx", "latin american" -> "Hispanic";
            case "southeast asian" -> "South East Asian";
            case "indian" -> "South Asian";
            case "arab" -> "Middle Eastern";
            case "pacific islander" -> "Pacific";
            default -> "Unspecified";
        };
    }

    /** No style means a photo-real avatar, as before; an unknown one is passed as {@code "Unspecified"}. */
    static String style(String raw) {
        if (raw == null || raw.isBlank()) return "Realistic";
        String exact = exact(raw, STYLES);
        return exact != null ? exact : "Unspecified";
    }

    private static String exact(String raw, List<String> values) {
        if (raw == null) return null;
        String t = raw.trim().replace('_', ' ');
        for (String v : values) if (v.equalsIgnoreCase(t)) return v;
        return null;
    }
}
