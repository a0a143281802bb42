package dev.avatarkit.storage.s3;

import dev.avatarkit.core.domain.AssetKey;
import dev.avatarkit.core.domain.Require;
import dev.avatarkit.core.domain.ValidationException;
import dev.avatarkit.core.port.StorageException;
import java.util.Optional;

/** The key grammar applied to list prefixes and to keys read back from a bucket others may also write. */
final class S3Keys {
    private S3Keys() {}

    static void checkPrefix(String prefix) {
        Require.nonNull(prefix, "prefix");
        if (prefix.isEmpty() || asKey(prefix).isPresent() || asKey(prefix + "x").isPresent()) return;
        throw new StorageException(
                StorageException.Reason.INVALID_KEY,
                "list prefix '" + prefix
                        + "' can never match a storage key: use segments of [A-Za-z0-9._-] separated by '/', no '..', no leading '/' or '.'",
                null);
    }

    static Optional<AssetKey> asKey(String value) {
        try {
            return Optional.of(new AssetKey(value));
        } catch (ValidationException e) {
            return Optional.empty();
        }
    }
}
