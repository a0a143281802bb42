package dev.avatarkit.core.domain;

import java.util.List;
import java.util.Set;

/**
 * A video to render, provider-neutral: 1–50 scenes (one scene = the single-avatar shortcut), with either an
 * aspect ratio or an exact dimension, an optional resolution, captions and a title.
 */
public record VideoSpec(
        List<Scene> scenes,
        String aspectRatio,
        Dimension dimension,
        String resolution,
        boolean caption,
        String title,
        boolean test)
        implements JobSpec {
    public static final int MAX_SCENES = 50;
    private static final Set<String> ASPECTS = Set.of("16:9", "9:16", "4:5", "5:4", "1:1");
    private static final Set<String> RESOLUTIONS = Set.of("4k", "1080p", "720p");

    public VideoSpec {
        Require.size(scenes, 1, MAX_SCENES, "scenes");
        scenes = List.copyOf(scenes);
        Require.that(
                aspectRatio == null || dimension == null, "aspect", "give either 'aspect' or 'dimension', not both");
        if (aspectRatio != null) {
            Require.that(
                    ASPECTS.contains(aspectRatio),
                    "aspect",
                    "'aspect' must be one of " + ASPECTS + ", was '" + aspectRatio + "'");
        }
        if (resolution != null) {
            resolution = resolution.toLowerCase();
            Require.that(
                    RESOLUTIONS.contains(resolution),
                    "resolution",
                    "'resolution' must be one of " + RESOLUTIONS + ", was '" + resolution + "'");
        }
        Require.maxLength(title, 255, "title");
    }

    /** The single-avatar shortcut: one avatar saying one text. */
    public static VideoSpec singleAvatar(String avatarId, String voiceId, String text) {
        return new VideoSpec(
                List.of(new Scene(Character.Avatar.of(avatarId), Voice.Text.of(text, voiceId), null)),
                null,
                null,
                null,
                false,
                null,
                false);
    }

    @Override
    public JobKind kind() {
        return JobKind.VIDEO;
    }
}
