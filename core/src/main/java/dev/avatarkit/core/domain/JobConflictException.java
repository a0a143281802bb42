package dev.avatarkit.core.domain;

/** The job's state does not allow the operation (e.g. retrying a job that is still rendering). */
public class JobConflictException extends AvatarkitException {
    public JobConflictException(String message) {
        super(message);
    }
}
