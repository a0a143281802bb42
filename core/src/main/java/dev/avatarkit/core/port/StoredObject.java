package dev.avatarkit.core.port;

import dev.avatarkit.core.domain.AssetKey;
import java.net.URI;
import java.time.Instant;

/** What a store knows about one object: its key, where it is, size, sha256 (lowercase hex), type, when. */
public record StoredObject(AssetKey key, URI uri, long size, String sha256, String contentType, Instant createdAt) {}
