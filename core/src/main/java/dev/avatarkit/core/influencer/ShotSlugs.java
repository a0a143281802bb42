package dev.avatarkit.core.influencer;

import java.util.Locale;

/** Turns shot vocabulary ("three-quarter left", "Café") into slug parts: lowercase {@code [a-z0-9-]}, ≤ 64 chars. */
public final class ShotSlugs {
    public static final int MAX = 64;

    private ShotSlugs() {}

    /** Joins the normalised parts with '-', trimmed to {@value #MAX} characters (never ending in '-'). */
    public static String of(String... parts) {
        StringBuilder out = new StringBuilder();
        for (String part : parts) {
            String normal = normalise(part);
            if (normal.isEmpty()) continue;
            if (out.length() > 0) out.append('-');
            out.append(normal);
        }
        String slug = out.length() > MAX ? out.substring(0, MAX) : out.toString();
        while (slug.endsWith("-")) slug = slug.substring(0, slug.length() - 1);
        return slug;
    }

    /** Lowercase, accents folded, every run of other characters one '-', no leading/trailing '-'. */
    static String normalise(String text) {
        if (text == null) return "";
        String folded = java.text.Normalizer.normalize(text, java.text.Normalizer.Form.NFD)
                .replaceAll("\\p{M}", "")
                .toLowerCase(Locale.ROOT);
        return folded.replaceAll("[^a-z0-9]+", "-").replaceAll("^-+|-+$", "");
    }
}
