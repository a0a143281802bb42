package dev.avatarkit.core.port;

import dev.avatarkit.core.domain.AssetKey;
import java.io.IOException;
import java.io.InputStream;
import java.net.URI;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Optional;

/**
 * Where finished assets live (local disk, S3…). Keys follow the {@link AssetKey} grammar, so they can never
 * escape the store's root.
 *
 * <p>Contract (checked by {@code AssetStoreContract} for every implementation):
 * <ul>
 *   <li>{@link #put} streams (constant memory, any size) while computing sha256 and is atomic: readers see the
 *   old object or the complete new one, never a partial one; a failed put (including a failing source stream)
 *   leaves nothing new visible and throws {@link StorageException} with reason {@code SOURCE_FAILED} or the
 *   store's own reason. Putting an existing key replaces it.</li>
 *   <li>{@link #open} / {@link #stat} of a missing key: {@code StorageException(NOT_FOUND)} / empty.</li>
 *   <li>{@link #list} returns objects whose key starts with the prefix, ordered by key, paged by a cursor (the last
 *   key of the previous page).</li>
 *   <li>{@link #delete} of a missing key returns false; it never throws for that.</li>
 * </ul>
 */
public interface AssetStore {
    StoredObject put(AssetKey key, InputStream content, PutOptions options);

    /**
     * {@link #put(AssetKey, InputStream, PutOptions)} of a local file, with the same guarantees. A store may move the
     * bytes without passing them through the heap (a kernel-side copy, parts read straight from the file); the file
     * must not change while it is put. A file that cannot be read fails with {@code SOURCE_FAILED}.
     */
    default StoredObject put(AssetKey key, Path file, PutOptions options) {
        InputStream content;
        try {
            content = Files.newInputStream(file);
        } catch (IOException e) {
            throw new StorageException(
                    StorageException.Reason.SOURCE_FAILED, "cannot read '" + file + "': " + e.getMessage(), e);
        }
        try {
            return put(key, content, options);
        } finally {
            try {
                content.close();
            } catch (IOException ignored) {
                // A read-only file: the put already has every byte (or already failed); nothing to report.
            }
        }
    }

    /** Opens the object for reading from {@code offset} (0 = start). */
    InputStream open(AssetKey key, long offset);

    default InputStream open(AssetKey key) {
        return open(key, 0);
    }

    Optional<StoredObject> stat(AssetKey key);

    default boolean exists(AssetKey key) {
        return stat(key).isPresent();
    }

    /**
     * Lists objects under a prefix (a string the key must start with, "" for all). Listed entries always carry key,
     * uri and size; {@code sha256} and {@code contentType} may be null where reading them would cost a request per
     * object (S3) — {@link #stat} always has them.
     *
     * @param afterKey the last key of the previous page, or null
     * @param limit    1–1000
     */
    Page<StoredObject> list(String prefix, String afterKey, int limit);

    boolean delete(AssetKey key);

    /** A short-lived URL a browser may fetch directly (S3 presigned), or empty when the store has none. */
    default Optional<URI> presignedUrl(AssetKey key, Duration ttl) {
        return Optional.empty();
    }
}
