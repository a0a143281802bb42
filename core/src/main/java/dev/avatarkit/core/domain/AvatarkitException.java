package dev.avatarkit.core.domain;

/** Root of avatarkit's unchecked exceptions. Messages never contain secrets. */
public class AvatarkitException extends RuntimeException {
    public AvatarkitException(String message) {
        super(message);
    }

    public AvatarkitException(String message, Throwable cause) {
        super(message, cause);
    }
}
