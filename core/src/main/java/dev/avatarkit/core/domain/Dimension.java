package dev.avatarkit.core.domain;

/** Output size in pixels: both even, 128–4096. */
public record Dimension(int width, int height) {
    public Dimension {
        Require.between(width, 128, 4096, "dimension.width");
        Require.between(height, 128, 4096, "dimension.height");
        Require.that(width % 2 == 0, "dimension.width", "'dimension.width' must be even, was " + width);
        Require.that(height % 2 == 0, "dimension.height", "'dimension.height' must be even, was " + height);
    }

    /** Parses {@code 1920x1080}. */
    public static Dimension parse(String text) {
        String[] parts = Require.nonBlank(text, "dimension").toLowerCase().split("x");
        Require.that(parts.length == 2, "dimension", "'dimension' must look like 1920x1080, was '" + text + "'");
        try {
            return new Dimension(Integer.parseInt(parts[0].trim()), Integer.parseInt(parts[1].trim()));
        } catch (NumberFormatException e) {
            throw new ValidationException("dimension", "'dimension' must look like 1920x1080, was '" + text + "'");
        }
    }

    @Override
    public String toString() {
        return width + "x" + height;
    }
}
