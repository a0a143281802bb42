package dev.avatarkit.storage.local;

import dev.avatarkit.core.domain.AssetKey;
import dev.avatarkit.core.domain.Require;
import dev.avatarkit.core.domain.ValidationException;
import dev.avatarkit.core.port.StorageException;
import dev.avatarkit.core.port.StorageException.Reason;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.InvalidPathException;
import java.nio.file.LinkOption;
import java.nio.file.Path;

/**
 * Maps keys and list prefixes to paths under the root. {@link AssetKey} already forbids {@code ..}, absolute
 * paths and odd characters; this re-checks on the path itself (defence in depth, DESIGN §4.10) and refuses
 * symbolic links that lead out of the root. A link swapped in between the check and the use is not caught:
 * the root is assumed to be writable by avatarkit only.
 */
final class SafePaths {
    private final Path root;
    private final Path realRoot;

    SafePaths(Path root, Path realRoot) {
        this.root = root;
        this.realRoot = realRoot;
    }

    Path root() {
        return root;
    }

    /** The path of a key (a relative path string), checked to stay inside the root. */
    Path resolve(String relative) {
        Path path;
        try {
            path = root.resolve(relative).normalize();
        } catch (InvalidPathException e) {
            throw invalid(relative, "it is not a valid path here", e);
        }
        if (relative.isEmpty()
                || relative.startsWith("/")
                || relative.startsWith("\\")
                || path.equals(root)
                || !path.startsWith(root)) {
            throw invalid(relative, "it resolves outside the storage root " + root, null);
        }
        checkNoEscapingLink(relative, path);
        return path;
    }

    /** The directory a list prefix starts in (the prefix up to its last '/'), checked like a key. */
    Path prefixDirectory(String prefix) {
        Require.nonNull(prefix, "prefix");
        if (!prefix.isEmpty() && !isKey(prefix) && !isKey(prefix + "x")) {
            throw new StorageException(
                    Reason.INVALID_KEY,
                    "list prefix '" + prefix + "' can never match a storage key:"
                            + " use segments of [A-Za-z0-9._-] separated by '/', no '..', no leading '/' or '.'",
                    null);
        }
        int slash = prefix.lastIndexOf('/');
        return slash < 0 ? root : resolve(prefix.substring(0, slash));
    }

    /** Walks up to the deepest part of the path that exists; its real path must still be inside the root. */
    private void checkNoEscapingLink(String relative, Path path) {
        Path existing = path;
        while (!existing.equals(root) && !Files.exists(existing, LinkOption.NOFOLLOW_LINKS)) {
            existing = existing.getParent();
        }
        Path real;
        try {
            real = existing.toRealPath();
        } catch (IOException e) {
            throw invalid(relative, "'" + root.relativize(existing) + "' is a dangling symbolic link", e);
        }
        if (!real.startsWith(realRoot)) {
            throw invalid(
                    relative,
                    "'" + root.relativize(existing) + "' is a symbolic link leading out of the storage root to " + real,
                    null);
        }
    }

    private static boolean isKey(String value) {
        try {
            new AssetKey(value);
            return true;
        } catch (ValidationException e) {
            return false;
        }
    }

    private static StorageException invalid(String relative, String why, Throwable cause) {
        return new StorageException(Reason.INVALID_KEY, "storage key '" + relative + "' is refused: " + why, cause);
    }
}
