package dev.avatarkit.core.domain;

/** Who (or what) appears in a scene. */
public sealed interface Character {
    /** A HeyGen avatar look. {@code style} is e.g. {@code normal|circle|closeUp}; scale 0–5. */
    record Avatar(String avatarId, String style, Double scale, Double offsetX, Double offsetY) implements Character {
        public Avatar {
            Require.nonBlank(avatarId, "avatar");
            Require.maxLength(avatarId, 255, "avatar");
            if (scale != null) Require.between(scale, 0.0, 5.0, "scale");
        }

        public static Avatar of(String avatarId) {
            return new Avatar(avatarId, null, null, null, null);
        }
    }

    /** A talking photo (legacy) or photo-avatar look. */
    record TalkingPhoto(String talkingPhotoId, Double scale) implements Character {
        public TalkingPhoto {
            Require.nonBlank(talkingPhotoId, "talkingPhoto");
            if (scale != null) Require.between(scale, 0.0, 5.0, "scale");
        }
    }

    /** Any picture, animated by the provider (v3 {@code type: image}). Must be an http(s) URL. */
    record Image(String url) implements Character {
        public Image {
            Require.nonBlank(url, "image");
            Require.that(
                    url.startsWith("https://") || url.startsWith("http://"),
                    "image",
                    "'image' must be an http(s) URL, was '" + url + "'");
        }
    }
}
