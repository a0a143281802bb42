package dev.avatarkit.core.usecase;

import dev.avatarkit.core.domain.Job;
import dev.avatarkit.core.domain.JobId;
import dev.avatarkit.core.domain.JobNotFoundException;
import dev.avatarkit.core.port.JobStore;
import dev.avatarkit.core.port.Sleeper;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.function.Consumer;

/** Waits for a job to finish, reporting each change, up to a timeout (the job goes on after it). */
public final class AwaitJob {
    private static final Duration CHECK_EVERY = Duration.ofMillis(250);

    private final JobStore jobs;
    private final Clock clock;
    private final Sleeper sleeper;

    public AwaitJob(JobStore jobs, Clock clock, Sleeper sleeper) {
        this.jobs = jobs;
        this.clock = clock;
        this.sleeper = sleeper;
    }

    /** @return the job as last seen: terminal, or not when the timeout passed first */
    public Job await(JobId id, Duration timeout, Consumer<Job> onChange) throws InterruptedException {
        Instant deadline = clock.instant().plus(timeout);
        long seenVersion = -1;
        while (true) {
            Job job = jobs.find(id).orElseThrow(() -> new JobNotFoundException(id));
            if (job.version() != seenVersion) {
                seenVersion = job.version();
                onChange.accept(job);
            }
            Duration left = Duration.between(clock.instant(), deadline);
            if (job.state().isTerminal() || left.isNegative() || left.isZero()) return job;
            sleeper.sleep(left.compareTo(CHECK_EVERY) < 0 ? left : CHECK_EVERY);
        }
    }
}
