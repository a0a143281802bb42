package dev.avatarkit.core.domain;

import java.net.URI;
import java.time.Instant;
import java.util.regex.Pattern;

/** A file safely in the store: where, how big, its sha256, what it is. */
public record StoredAsset(
        AssetKind kind, AssetKey key, URI uri, long size, String sha256, String contentType, Instant createdAt) {
    private static final Pattern SHA256 = Pattern.compile("[0-9a-f]{64}");

    public StoredAsset {
        Require.nonNull(kind, "kind");
        Require.nonNull(key, "key");
        Require.nonNull(uri, "uri");
        Require.that(size >= 0, "size", "'size' must be >= 0");
        Require.that(
                sha256 != null && SHA256.matcher(sha256).matches(),
                "sha256",
                "'sha256' must be 64 lowercase hex chars");
        Require.nonBlank(contentType, "contentType");
        Require.nonNull(createdAt, "createdAt");
    }
}
