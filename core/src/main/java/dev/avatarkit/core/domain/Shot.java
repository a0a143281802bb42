package dev.avatarkit.core.domain;

import java.util.regex.Pattern;

/** One still of an identity: camera angle × framing × expression × setting, with a slug for file names. */
public record Shot(int index, String slug, String angle, String framing, String expression, String setting) {
    private static final Pattern SLUG = Pattern.compile("[a-z0-9][a-z0-9-]{0,63}");

    public Shot {
        Require.between(index, 1, 999, "shot.index");
        Require.nonBlank(slug, "shot.slug");
        Require.that(
                SLUG.matcher(slug).matches(), "shot.slug", "'shot.slug' must be 1–64 of [a-z0-9-], was '" + slug + "'");
        Require.nonBlank(angle, "shot.angle");
        Require.nonBlank(framing, "shot.framing");
        expression = expression == null || expression.isBlank() ? "neutral" : expression;
        setting = setting == null || setting.isBlank() ? "studio" : setting;
    }

    /** {@code 07-three-quarter-left}: stable, sortable, safe as a storage key segment. */
    public String fileStem() {
        return String.format("%02d-%s", index, slug);
    }
}
