package dev.avatarkit.core.port;

import dev.avatarkit.core.domain.AvatarkitException;

/** A store failed; {@link #reason()} says why in a way a user can act on. */
public class StorageException extends AvatarkitException {
    /** Why a storage operation failed. */
    public enum Reason {
        NOT_FOUND,
        PERMISSION_DENIED,
        DISK_FULL,
        BUCKET_MISSING,
        INVALID_KEY,
        SOURCE_FAILED,
        IO
    }

    private final Reason reason;

    public StorageException(Reason reason, String message, Throwable cause) {
        super(message, cause);
        this.reason = reason;
    }

    public Reason reason() {
        return reason;
    }
}
