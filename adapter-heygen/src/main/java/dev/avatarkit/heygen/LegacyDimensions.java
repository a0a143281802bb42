package dev.avatarkit.heygen;

import dev.avatarkit.core.domain.Dimension;

/**
 * The v2 {@code dimension} for an aspect ratio: v2 documents only {@code dimension} (even sides, 128–4096), so a
 * ratio becomes a size whose short edge is the resolution's (720p → 720, 1080p or none → 1080, 4k → 2160).
 */
final class LegacyDimensions {
    private LegacyDimensions() {}

    /** null when there is no ratio (HeyGen's default size then applies). */
    static Dimension of(String aspectRatio, String resolution) {
        if (aspectRatio == null) return null;
        String[] parts = aspectRatio.split(":");
        int w = Integer.parseInt(parts[0]);
        int h = Integer.parseInt(parts[1]);
        int shortEdge = switch (resolution == null ? "1080p" : resolution) {
            case "720p" -> 720;
            case "4k" -> 2160;
            default -> 1080;
        };
        int longEdge = Math.min(4096, even((double) shortEdge * Math.max(w, h) / Math.min(w, h)));
        return w >= h ? new Dimension(longEdge, shortEdge) : new Dimension(shortEdge, longEdge);
    }

    private static int even(double value) {
        return (int) Math.round(value / 2) * 2;
    }
}
