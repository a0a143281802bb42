package dev.avatarkit.storage.scheduling;

import com.github.kagkarlsson.scheduler.Scheduler;
import com.github.kagkarlsson.scheduler.SchedulerBuilder;
import com.github.kagkarlsson.scheduler.SchedulerName;
import com.github.kagkarlsson.scheduler.exceptions.TaskInstanceCurrentlyExecutingException;
import com.github.kagkarlsson.scheduler.exceptions.TaskInstanceNotFoundException;
import com.github.kagkarlsson.scheduler.task.CompletionHandler;
import com.github.kagkarlsson.scheduler.task.TaskInstance;
import com.github.kagkarlsson.scheduler.task.helper.CustomTask;
import com.github.kagkarlsson.scheduler.task.helper.Tasks;
import dev.avatarkit.core.domain.JobId;
import dev.avatarkit.core.domain.Require;
import dev.avatarkit.core.port.StepScheduler;
import dev.avatarkit.storage.jdbc.JobDatabase;
import java.sql.SQLException;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.function.Function;
import javax.sql.DataSource;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * {@link StepScheduler} on db-scheduler over the job database: one task, {@code job-step}, one instance per job
 * (instance id = job id), so at most one pending step per job. Durable, revived after a crash, and shared by
 * every process on the same database (PostgreSQL: {@code SELECT … FOR UPDATE SKIP LOCKED}).
 */
public final class DbSchedulerStepScheduler implements StepScheduler {
    static final String TASK_NAME = "job-step";
    private static final Logger LOG = LoggerFactory.getLogger(DbSchedulerStepScheduler.class);

    /**
     * Tuning. {@code stepRetryMax} caps the backoff after a step throws; {@code busyWait} is how long
     * {@link #schedule} waits for a step of the same job running in another process before leaving the next
     * time to that step.
     */
    public record Settings(
            int threads,
            Duration pollingInterval,
            Duration heartbeatInterval,
            Duration shutdownWait,
            Duration stepRetryMax,
            Duration busyWait,
            String name) {
        public Settings {
            Require.between(threads, 1, 200, "schedulerThreads");
            Require.nonNull(pollingInterval, "pollingInterval");
            Require.nonNull(heartbeatInterval, "heartbeatInterval");
            Require.nonNull(shutdownWait, "shutdownWait");
            Require.nonNull(stepRetryMax, "stepRetryMax");
            Require.nonNull(busyWait, "busyWait");
            // the default says which process of which host it is, so a dead one's steps can be freed at once
            name = name == null || name.isBlank() ? DeadLocalWorkers.nameForThisProcess() : name;
        }

        /**
         * SQLite: 8 threads — writes serialise anyway, but steps mostly wait on the network and on fsync (a download
         * stores three files), and with 4 a wave's downloads held back the next creates; PostgreSQL: more, many
         * processes may share the table.
         */
        public static Settings defaults(JobDatabase.Dialect dialect) {
            return new Settings(
                    dialect == JobDatabase.Dialect.SQLITE ? 8 : 10,
                    Duration.ofMillis(250),
                    Duration.ofSeconds(30),
                    Duration.ofSeconds(30),
                    Duration.ofMinutes(5),
                    Duration.ofSeconds(2),
                    null);
        }

        public Settings withPollingInterval(Duration interval) {
            return new Settings(threads, interval, heartbeatInterval, shutdownWait, stepRetryMax, busyWait, name);
        }

        public Settings withThreads(int count) {
            return new Settings(count, pollingInterval, heartbeatInterval, shutdownWait, stepRetryMax, busyWait, name);
        }

        /** A step running elsewhere is dead (and revived here) after 6 missed heartbeats. */
        public Settings withHeartbeatInterval(Duration interval) {
            return new Settings(threads, pollingInterval, interval, shutdownWait, stepRetryMax, busyWait, name);
        }

        public Settings withShutdownWait(Duration wait) {
            return new Settings(threads, pollingInterval, heartbeatInterval, wait, stepRetryMax, busyWait, name);
        }

        public Settings withName(String newName) {
            return new Settings(
                    threads, pollingInterval, heartbeatInterval, shutdownWait, stepRetryMax, busyWait, newName);
        }
    }

    private final Function<JobId, Instant> step;
    private final CustomTask<Void> task;
    private final Scheduler scheduler;
    private final LocalWakeUps wakeUps;
    private final Settings settings;
    private final DataSource dataSource;
    /** Jobs whose step runs in this process now, and the times asked for them meanwhile (applied on completion). */
    private final Set<JobId> running = new HashSet<>();

    private final Map<JobId, Instant> requestedWhileRunning = new HashMap<>();
    private final AtomicBoolean stopped = new AtomicBoolean();

    /**
     * @param step runs one step of a job and returns when to run the next one, or null when the job needs no
     *             more steps (normally {@code JobEngine::advance}; it is first called after {@link #start()}, so
     *             a lambda that reaches an engine built after this scheduler is fine)
     */
    public DbSchedulerStepScheduler(JobDatabase database, Settings settings, Function<JobId, Instant> step) {
        this.step = Require.nonNull(step, "step");
        this.settings = Require.nonNull(settings, "settings");
        this.task = Tasks.custom(TASK_NAME, Void.class)
                .onFailure(new FailedStepRetry<>(Duration.ofSeconds(1), settings.stepRetryMax()))
                .onDeadExecutionRevive()
                .execute((instance, context) -> runStep(new JobId(instance.getId())));
        this.dataSource = database.schedulerDataSource();
        SchedulerBuilder builder = Scheduler.create(dataSource, task)
                .schedulerName(new SchedulerName.Fixed(settings.name()))
                .threads(settings.threads())
                .pollingInterval(settings.pollingInterval())
                .heartbeatInterval(settings.heartbeatInterval())
                .shutdownMaxWait(settings.shutdownWait())
                .serializer(new NoDataSerializer())
                .enableImmediateExecution();
        if (database.dialect() == JobDatabase.Dialect.POSTGRESQL) {
            // One statement claims a batch with SKIP LOCKED: processes never fight over the same rows.
            builder.pollUsingLockAndFetch(0.5, 1.0);
        }
        this.scheduler = builder.build();
        this.wakeUps = new LocalWakeUps(scheduler::triggerCheckForDueExecutions);
    }

    /** Starts polling for due steps (and reviving dead ones). */
    public void start() {
        try {
            int freed = DeadLocalWorkers.release(dataSource);
            if (freed > 0) LOG.info("freed {} step(s) left by a worker of this host that died", freed);
        } catch (SQLException e) {
            // db-scheduler revives them after the dead worker's missed heartbeats, only later
            LOG.warn("could not free the steps of dead workers: {}", e.getMessage());
        }
        scheduler.start();
    }

    /** Stops taking new steps and waits up to {@code shutdownWait} for running ones to finish; idempotent. */
    public void stop() {
        if (stopped.compareAndSet(false, true)) {
            wakeUps.close();
            scheduler.stop();
        }
    }

    /**
     * Schedule-or-reschedule: creates the job's pending step, or moves it to {@code at}. If the job's step is
     * running in this process, {@code at} is applied when it completes (the earlier of {@code at} and the time
     * the step asks for); if it is running in another process, we wait up to {@code busyWait} for it to finish,
     * after which that step's own answer decides the next time.
     */
    /**
     * One batch insert for the lot (db-scheduler's {@code scheduleBatch}); if any of them has a pending step after
     * all (a race with a resume), each is scheduled on its own instead, which replaces what is there.
     */
    @Override
    public void scheduleNew(List<JobId> ids, Instant at) {
        if (ids.isEmpty()) return;
        List<TaskInstance<?>> instances = new ArrayList<>(ids.size());
        for (JobId id : ids) instances.add(task.instance(id.value()));
        try {
            scheduler.scheduleBatch(instances, at);
        } catch (RuntimeException exists) {
            for (JobId id : ids) schedule(id, at);
            return;
        }
        wakeUps.at(at, Instant.now());
    }

    @Override
    public void schedule(JobId id, Instant at) {
        Require.nonNull(id, "id");
        Require.nonNull(at, "at");
        synchronized (running) {
            if (running.contains(id)) {
                requestedWhileRunning.merge(id, at, FailedStepRetry::earliest);
                return;
            }
        }
        TaskInstance<Void> instance = task.instance(id.value());
        long giveUpAt = System.nanoTime() + settings.busyWait().toNanos();
        while (true) {
            // the wake-up after the write: a check that ran before it would miss the step until the next poll
            if (scheduler.scheduleIfNotExists(instance, at)) {
                wakeUps.at(at, Instant.now());
                return;
            }
            try {
                if (scheduler.reschedule(instance, at)) {
                    wakeUps.at(at, Instant.now());
                    return;
                }
                // false: the row changed under us (picked or moved by someone else); look again.
            } catch (TaskInstanceNotFoundException gone) {
                // It completed between our two calls; the next round creates it.
            } catch (com.github.kagkarlsson.scheduler.exceptions.ExecutionException moved) {
                // "Expected one execution to be updated, but updated 0": the row's version changed between
                // db-scheduler's read and its update (picked by a poller, revived as dead, rescheduled by another
                // process). The row exists, so the job has a pending step either way; look again until busyWait.
                if (System.nanoTime() > giveUpAt) return;
                pause();
            } catch (TaskInstanceCurrentlyExecutingException busy) {
                if (System.nanoTime() > giveUpAt) {
                    LOG.info("step of job {} is running in another process; it decides the next time", id);
                    return;
                }
                pause();
            }
        }
    }

    private CompletionHandler<Void> runStep(JobId id) {
        synchronized (running) {
            running.add(id);
        }
        Instant next = null;
        RuntimeException failure = null;
        try {
            next = step.apply(id);
        } catch (RuntimeException e) {
            failure = e;
        }
        Instant requested;
        synchronized (running) {
            running.remove(id);
            requested = requestedWhileRunning.remove(id);
        }
        // A failed step goes to the backoff, unless someone asked for an earlier run meanwhile.
        if (failure != null && requested == null) throw failure;
        if (failure != null)
            LOG.warn("step of job {} failed; running it again as requested at {}", id, requested, failure);
        Instant when = FailedStepRetry.earliest(next, requested);
        if (when == null) return new CompletionHandler.OnCompleteRemove<>();
        return (complete, operations) -> {
            operations.reschedule(complete, when);
            wakeUps.at(when, Instant.now());
        };
    }

    private static void pause() {
        try {
            Thread.sleep(20);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException("interrupted while scheduling a job step", e);
        }
    }
}
