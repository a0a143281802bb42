package dev.avatarkit.core.domain;

/** No job has that id. */
public class JobNotFoundException extends AvatarkitException {
    public JobNotFoundException(JobId id) {
        super("no job with id " + id);
    }
}
