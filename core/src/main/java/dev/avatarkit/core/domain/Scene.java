package dev.avatarkit.core.domain;

/** One scene of a video: a character speaking a voice over a background (optional). */
public record Scene(Character character, Voice voice, Background background) {
    public Scene {
        Require.nonNull(character, "character");
        Require.nonNull(voice, "voice");
    }
}
