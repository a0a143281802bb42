package dev.avatarkit.storage.local;

import dev.avatarkit.core.domain.AssetKey;
import dev.avatarkit.core.port.StorageException;
import dev.avatarkit.core.port.StorageException.Reason;
import java.io.IOException;
import java.nio.file.AccessDeniedException;
import java.nio.file.FileSystemException;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;

/** Turns file-system failures into {@link StorageException}s a user can act on; IOException never crosses the port. */
final class LocalErrors {
    private LocalErrors() {}

    static StorageException map(IOException e, String action, String subject, Path root) {
        String what = action + " '" + subject + "' under " + root;
        if (isDiskFull(e)) {
            return new StorageException(
                    Reason.DISK_FULL,
                    "disk full while " + what + ": free some space or point AVATARKIT_STORAGE_DIR at a bigger disk",
                    e);
        }
        if (e instanceof AccessDeniedException) {
            return new StorageException(
                    Reason.PERMISSION_DENIED,
                    "permission denied while " + what + " (" + e.getMessage()
                            + "): check the owner and mode of the storage directory",
                    e);
        }
        if (e instanceof NoSuchFileException) {
            return new StorageException(Reason.NOT_FOUND, "no object '" + subject + "' in the store at " + root, e);
        }
        return new StorageException(Reason.IO, "I/O error while " + what + ": " + e, e);
    }

    static StorageException sourceFailed(IOException e, AssetKey key) {
        return new StorageException(
                Reason.SOURCE_FAILED,
                "reading the content for '" + key + "' failed, nothing new was stored: " + e.getMessage(),
                e);
    }

    /**
     * ENOSPC (and EDQUOT) have no dedicated exception type in java.nio: the JDK reports them as a plain
     * IOException or FileSystemException whose message carries the strerror text, so we match on the text.
     */
    static boolean isDiskFull(IOException e) {
        String message = e instanceof FileSystemException fse ? fse.getReason() : e.getMessage();
        if (message == null) message = e.getMessage();
        return message != null
                && (message.contains("No space left")
                        || message.contains("Disk quota exceeded")
                        || message.contains("There is not enough space on the disk"));
    }
}
