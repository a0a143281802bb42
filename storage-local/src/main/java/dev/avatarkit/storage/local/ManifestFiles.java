package dev.avatarkit.storage.local;

import dev.avatarkit.core.domain.AssetKey;
import dev.avatarkit.core.port.StoredObject;
import java.io.IOException;
import java.io.InputStream;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.nio.file.attribute.BasicFileAttributes;
import java.security.MessageDigest;
import java.time.Instant;
import java.util.HexFormat;

/** Reads sidecars into {@link StoredObject}s, and re-hashes an object whose sidecar is missing or stale (the slow path after a crash). */
final class ManifestFiles {
    private ManifestFiles() {}

    /** The sidecar of an object file, or null when it is missing or unreadable (then the object is re-hashed). */
    static Manifest read(Path object) throws IOException {
        Path sidecar =
                object.resolveSibling(Manifest.fileNameFor(object.getFileName().toString()));
        try {
            return Manifest.fromJson(Files.readAllBytes(sidecar));
        } catch (NoSuchFileException e) {
            return null;
        } catch (IOException | RuntimeException e) {
            if (e instanceof IOException io && LocalErrors.isDiskFull(io)) throw io;
            return null; // corrupt JSON (e.g. truncated by hand): the object itself is still the truth
        }
    }

    static String hash(Path object) throws IOException {
        MessageDigest sha = AtomicFiles.sha256();
        byte[] buffer = new byte[AtomicFiles.CHUNK];
        try (InputStream in = Files.newInputStream(object)) {
            for (int n; (n = in.read(buffer)) != -1; ) sha.update(buffer, 0, n);
        }
        return HexFormat.of().formatHex(sha.digest());
    }

    /** What stat and list report: the sidecar when it matches the file, else the file itself (re-hashed if asked). */
    static StoredObject describe(AssetKey key, Path path, boolean rehashIfStale) throws IOException {
        BasicFileAttributes attrs = Files.readAttributes(path, BasicFileAttributes.class);
        if (!attrs.isRegularFile()) throw new NoSuchFileException(path.toString());
        Manifest manifest = read(path);
        boolean fresh = manifest != null
                && manifest.size() == attrs.size()
                && manifest.objectModified() == attrs.lastModifiedTime().toMillis();
        if (fresh) return toObject(key, path, manifest);
        String contentType = manifest == null ? "application/octet-stream" : manifest.contentType();
        String createdAt = attrs.lastModifiedTime().toInstant().toString();
        String sha = rehashIfStale ? hash(path) : null;
        return toObject(
                key,
                path,
                new Manifest(
                        1,
                        sha,
                        attrs.size(),
                        contentType,
                        null,
                        createdAt,
                        attrs.lastModifiedTime().toMillis()));
    }

    static StoredObject toObject(AssetKey key, Path path, Manifest manifest) {
        return new StoredObject(
                key,
                path.toUri(),
                manifest.size(),
                manifest.sha256(),
                manifest.contentType(),
                Instant.parse(manifest.createdAt()));
    }
}
