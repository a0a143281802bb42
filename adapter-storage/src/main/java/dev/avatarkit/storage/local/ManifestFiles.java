package dev.avatarkit.storage.local;

import java.io.IOException;
import java.io.InputStream;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.security.MessageDigest;
import java.util.HexFormat;

/** Reads sidecars, and re-hashes an object whose sidecar is missing or stale (the slow path after a crash). */
final class ManifestFiles {
    private ManifestFiles() {}

    /** The sidecar of an object file, or null when it is missing or unreadable (then the object is re-hashed). */
    static Manifest read(Path object) throws IOException {
        Path sidecar = object.resolveSibling(Manifest.fileNameFor(object.getFileName().toString()));
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
}
