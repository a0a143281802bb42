package dev.avatarkit.cli.influencer;

import dev.avatarkit.core.domain.ValidationException;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * The look flags of {@code avatar create} ({@code --age --gender --ethnicity --style}) checked against the
 * vocabulary HeyGen's photo avatars accept (reference §8.2), plus common synonyms. An unknown value would silently
 * become "Unspecified" at the provider and a paid identity would not look as asked, so it is refused up front
 * (exit 2, naming the flag and the accepted values). Known values are passed on in HeyGen's spelling.
 */
public final class LookAttributes {
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

    private static final Map<String, String> GENDER_WORDS =
            words("Woman", "woman|women|female|f|girl", "Man", "man|men|male|m|boy");
    private static final Map<String, String> ETHNICITY_WORDS = words(
            "White",
            "caucasian|european",
            "Black",
            "african|african american",
            "Hispanic",
            "latino|latina|latinx|latin american",
            "South East Asian",
            "southeast asian",
            "South Asian",
            "indian",
            "Middle Eastern",
            "arab",
            "Pacific",
            "pacific islander");
    private static final Pattern NUMBER = Pattern.compile("\\b(\\d{1,3})s?\\b");
    private static final List<String> AGE_WORDS = List.of(
            "teen",
            "twenties",
            "thirties",
            "forties",
            "fifties",
            "sixties",
            "seventies",
            "eighties",
            "young",
            "middle",
            "elderly",
            "senior",
            "old");

    private LookAttributes() {}

    /** The age as given when it names one (a number 13–120, "30s", a band or an age word); null stays null. */
    public static String age(String raw) {
        if (absent(raw)) return null;
        String exact = exact(raw, AGES);
        if (exact != null) return exact;
        String text = raw.toLowerCase(Locale.ROOT);
        Matcher number = NUMBER.matcher(text);
        if (number.find()) {
            int years = Integer.parseInt(number.group(1));
            if (years >= 13 && years <= 120) return raw.strip();
            throw new ValidationException("age", "'age' must be between 13 and 120 years, was '" + raw.strip() + "'");
        }
        if (AGE_WORDS.stream().anyMatch(text::contains)) return raw.strip();
        throw unknown("age", raw, "a number of years (e.g. 28, 30s) or one of " + String.join(", ", AGES));
    }

    public static String gender(String raw) {
        return known("gender", raw, GENDERS, GENDER_WORDS);
    }

    public static String ethnicity(String raw) {
        return known("ethnicity", raw, ETHNICITIES, ETHNICITY_WORDS);
    }

    public static String style(String raw) {
        return known("style", raw, STYLES, Map.of());
    }

    private static String known(String field, String raw, List<String> values, Map<String, String> synonyms) {
        if (absent(raw)) return null;
        String exact = exact(raw, values);
        if (exact != null) return exact;
        String synonym = synonyms.get(normal(raw));
        if (synonym != null) return synonym;
        throw unknown(field, raw, "one of " + String.join(", ", values));
    }

    private static ValidationException unknown(String field, String raw, String accepted) {
        return new ValidationException(
                field, "unknown look: '" + field + "' was '" + raw.strip() + "'; use " + accepted);
    }

    private static String exact(String raw, List<String> values) {
        String text = normal(raw);
        return values.stream().filter(v -> normal(v).equals(text)).findFirst().orElse(null);
    }

    private static String normal(String raw) {
        return raw.strip()
                .toLowerCase(Locale.ROOT)
                .replace('_', ' ')
                .replace('-', ' ')
                .replaceAll("\\s+", " ");
    }

    private static boolean absent(String raw) {
        return raw == null || raw.isBlank();
    }

    /** "Canonical", "synonym|two words|…" pairs → each synonym to its canonical value. */
    private static Map<String, String> words(String... pairs) {
        Map<String, String> out = new LinkedHashMap<>();
        for (int i = 0; i < pairs.length; i += 2) {
            for (String synonym : pairs[i + 1].split("\\|")) out.put(synonym, pairs[i]);
        }
        return out;
    }
}
