package dev.avatarkit.core.domain;

/** What is behind the character. */
public sealed interface Background {
    record Color(String hex) implements Background {
        public Color {
            Require.hexColor(hex, "background");
        }
    }

    record Image(String url) implements Background {
        public Image {
            Require.that(
                    url != null && (url.startsWith("https://") || url.startsWith("http://")),
                    "background",
                    "'background' image must be an http(s) URL");
        }
    }

    record Video(String url) implements Background {
        public Video {
            Require.that(
                    url != null && (url.startsWith("https://") || url.startsWith("http://")),
                    "background",
                    "'background' video must be an http(s) URL");
        }
    }

    /** Parses the CLI/HTTP form: {@code #hex}, {@code image:URL} or {@code video:URL}. */
    static Background parse(String text) {
        String value = Require.nonBlank(text, "background").trim();
        if (value.startsWith("#")) return new Color(value);
        if (value.startsWith("image:")) return new Image(value.substring(6));
        if (value.startsWith("video:")) return new Video(value.substring(6));
        throw new ValidationException(
                "background", "'background' must be #rrggbb, image:URL or video:URL, was '" + text + "'");
    }
}
