package dev.avatarkit.core.engine;

import dev.avatarkit.core.domain.JobId;
import dev.avatarkit.core.port.StepScheduler;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ScheduledFuture;
import java.util.concurrent.ScheduledThreadPoolExecutor;
import java.util.concurrent.TimeUnit;
import java.util.function.Function;
import java.util.logging.Level;
import java.util.logging.Logger;

/**
 * A {@link StepScheduler} on a thread pool, for one process (the CLI, embedded use). Not durable by itself:
 * durability comes from the job store, and {@link JobEngine#resumeAll()} at start re-schedules whatever a dead
 * process left unfinished.
 */
public final class InProcessStepScheduler implements StepScheduler, AutoCloseable {
    private static final Logger LOG = Logger.getLogger(InProcessStepScheduler.class.getName());
    private static final Duration AFTER_CRASHED_STEP = Duration.ofSeconds(5);

    private final ScheduledThreadPoolExecutor executor;
    private final Clock clock;
    private final Map<JobId, ScheduledFuture<?>> pending = new ConcurrentHashMap<>();
    private final Map<JobId, Boolean> running = new ConcurrentHashMap<>();
    private volatile Function<JobId, Instant> step;

    public InProcessStepScheduler(int threads, Clock clock) {
        this.clock = clock;
        this.executor = new ScheduledThreadPoolExecutor(threads, runnable -> {
            Thread thread = new Thread(runnable, "avatarkit-step");
            thread.setDaemon(true);
            return thread;
        });
        this.executor.setRemoveOnCancelPolicy(true);
    }

    /** Starts running steps with {@code stepFunction} (normally {@code engine::advance}). */
    public void start(Function<JobId, Instant> stepFunction) {
        this.step = stepFunction;
    }

    @Override
    public void schedule(JobId id, Instant at) {
        long delay = Math.max(0, Duration.between(clock.instant(), at).toMillis());
        pending.compute(id, (key, previous) -> {
            if (previous != null) previous.cancel(false);
            return executor.schedule(() -> run(id), delay, TimeUnit.MILLISECONDS);
        });
    }

    private void run(JobId id) {
        if (step == null || running.putIfAbsent(id, Boolean.TRUE) != null) {
            schedule(id, clock.instant().plusMillis(200)); // one step per job at a time
            return;
        }
        Instant next;
        try {
            next = step.apply(id);
        } catch (RuntimeException e) {
            LOG.log(Level.WARNING, "step for job " + id + " failed; retrying in " + AFTER_CRASHED_STEP, e);
            next = clock.instant().plus(AFTER_CRASHED_STEP);
        } finally {
            running.remove(id);
        }
        if (next != null) {
            schedule(id, next);
        } else {
            pending.remove(id);
        }
    }

    /** Number of jobs with a step pending or running. */
    public int pendingCount() {
        return pending.size();
    }

    /** Stops taking new steps and waits up to {@code grace} for running ones. */
    public void shutdown(Duration grace) {
        executor.shutdown();
        try {
            executor.awaitTermination(grace.toMillis(), TimeUnit.MILLISECONDS);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
        executor.shutdownNow();
    }

    @Override
    public void close() {
        shutdown(Duration.ofSeconds(5));
    }
}
