package dev.avatarkit.core.domain;

import java.util.regex.Pattern;

/**
 * Where an asset lives inside a store: a relative path of segments {@code [A-Za-z0-9._-]}, joined by
 * {@code /}, no empty, {@code .} or {@code ..} segment, at most 512 characters. Keys are built from server
 * ids ({@code videos/<jobId>/video.mp4}); anything else is rejected here, before any store sees it.
 */
public record AssetKey(String value) {
    private static final Pattern SEGMENT = Pattern.compile("[A-Za-z0-9_][A-Za-z0-9._-]{0,127}");

    public AssetKey {
        Require.nonBlank(value, "key");
        Require.maxLength(value, 512, "key");
        for (String segment : value.split("/", -1)) {
            if (!SEGMENT.matcher(segment).matches() || segment.equals("..") || segment.endsWith(".tmp")) {
                throw new ValidationException(
                        "key",
                        "storage key '" + value
                                + "' is not allowed: use segments of [A-Za-z0-9._-] separated by '/', no '..', no leading '/' or '.'");
            }
        }
    }

    public static AssetKey of(String first, String... more) {
        return new AssetKey(more.length == 0 ? first : first + "/" + String.join("/", more));
    }

    public AssetKey resolve(String child) {
        return new AssetKey(value + "/" + child);
    }

    /** The last segment. */
    public String fileName() {
        return value.substring(value.lastIndexOf('/') + 1);
    }

    @Override
    public String toString() {
        return value;
    }
}
