package dev.avatarkit.core.port;

import dev.avatarkit.core.domain.Job;
import dev.avatarkit.core.domain.JobId;
import java.util.List;

/** A page of jobs; {@code next} is the cursor for the following page, or null at the end. */
public record JobPage(List<Job> jobs, JobId next) {
    public JobPage {
        jobs = List.copyOf(jobs);
    }
}
