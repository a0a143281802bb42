package dev.avatarkit.core.port;

import dev.avatarkit.core.domain.AvatarkitException;
import dev.avatarkit.core.domain.JobId;

/** A compare-and-set update lost: someone else changed the job since it was read. Re-read and decide again. */
public class StaleJobException extends AvatarkitException {
    public StaleJobException(JobId id, long expectedVersion) {
        super("job " + id + " changed since version " + expectedVersion);
    }
}
