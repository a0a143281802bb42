package dev.avatarkit.core.domain;

/** The kinds of files a job stores. */
public enum AssetKind {
    VIDEO("video.mp4", "video/mp4"),
    CAPTIONED_VIDEO("captioned.mp4", "video/mp4"),
    THUMBNAIL("thumbnail.jpg", "image/jpeg"),
    GIF("preview.gif", "image/gif"),
    CAPTIONS("captions.srt", "application/x-subrip"),
    STILL("still.png", "image/png"),
    MANIFEST("manifest.json", "application/json");

    private final String defaultFileName;
    private final String defaultContentType;

    AssetKind(String defaultFileName, String defaultContentType) {
        this.defaultFileName = defaultFileName;
        this.defaultContentType = defaultContentType;
    }

    public String defaultFileName() {
        return defaultFileName;
    }

    public String defaultContentType() {
        return defaultContentType;
    }

    /** Parses a user-facing name such as {@code video} or {@code captioned_video}. */
    public static AssetKind parse(String name) {
        try {
            return valueOf(Require.nonBlank(name, "kind").trim().toUpperCase().replace('-', '_'));
        } catch (IllegalArgumentException e) {
            throw new ValidationException(
                    "kind",
                    "unknown asset kind '" + name + "'; use one of "
                            + java.util.Arrays.toString(values()).toLowerCase());
        }
    }
}
