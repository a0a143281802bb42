package dev.avatarkit.storage.scheduling;

import static org.assertj.core.api.Assertions.assertThat;

import dev.avatarkit.core.domain.JobId;
import dev.avatarkit.storage.jdbc.JobDatabase;
import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.function.BooleanSupplier;
import java.util.function.Function;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;

/**
 * Behaviour every database must give {@link DbSchedulerStepScheduler}. Waits are bounded and poll for an
 * outcome; nothing asserts how long anything took.
 */
@Timeout(60)
abstract class StepSchedulerScenarios {
    static final Duration WAIT = Duration.ofSeconds(30);

    /** Invocations per job id, and the instant of each. */
    final Map<JobId, AtomicInteger> runs = new ConcurrentHashMap<>();

    final Map<JobId, List<Instant>> runTimes = new ConcurrentHashMap<>();
    final List<DbSchedulerStepScheduler> started = new CopyOnWriteArrayList<>();

    /** A database with the schema migrated and no scheduled steps. */
    abstract JobDatabase database();

    DbSchedulerStepScheduler startScheduler(String name, Function<JobId, Instant> step) {
        return startScheduler(
                DbSchedulerStepScheduler.Settings.defaults(database().dialect())
                        .withPollingInterval(Duration.ofMillis(50))
                        .withName(name),
                step);
    }

    DbSchedulerStepScheduler startScheduler(DbSchedulerStepScheduler.Settings settings, Function<JobId, Instant> step) {
        var scheduler = new DbSchedulerStepScheduler(database(), settings, id -> {
            runs.computeIfAbsent(id, k -> new AtomicInteger()).incrementAndGet();
            runTimes.computeIfAbsent(id, k -> new CopyOnWriteArrayList<>()).add(Instant.now());
            return step.apply(id);
        });
        scheduler.start();
        started.add(scheduler);
        return scheduler;
    }

    @AfterEach
    void stopSchedulers() {
        started.forEach(DbSchedulerStepScheduler::stop);
    }

    @Test
    void givenAStepLeftPickedByAWorkerOfThisHostThatDied_whenAWorkerStarts_thenTheStepRunsAtOnce() throws Exception {
        JobId id = ids(1).get(0);
        var idle = new DbSchedulerStepScheduler(
                database(),
                DbSchedulerStepScheduler.Settings.defaults(database().dialect()),
                job -> null);
        idle.schedule(id, Instant.now()); // stored, never started: a worker that was killed mid-step
        Process gone = new ProcessBuilder("true").start();
        gone.waitFor();
        String deadWorker = DeadLocalWorkers.nameFor(
                gone.pid(), "00aa", java.net.InetAddress.getLocalHost().getHostName());
        try (Connection connection = database().dataSource().getConnection();
                var pick = connection.prepareStatement(
                        "UPDATE scheduled_tasks SET picked = ?, picked_by = ?, last_heartbeat = execution_time")) {
            pick.setBoolean(1, true);
            pick.setString(2, deadWorker);
            assertThat(pick.executeUpdate()).isEqualTo(1);
        }

        startScheduler("next", job -> null); // heartbeat 30 s: db-scheduler alone revives it after minutes

        await("the dead worker's step ran", () -> runs.containsKey(id));
        awaitNoScheduledSteps();
    }

    @Test
    void givenWorkerNames_whenTellingTheDeadOfThisHost_thenOnlyDefaultNamesOfGoneProcessesHereCount() throws Exception {
        Process gone = new ProcessBuilder("true").start();
        gone.waitFor();
        long alive = ProcessHandle.current().parent().orElseThrow().pid();

        assertThat(DeadLocalWorkers.diedHere(DeadLocalWorkers.nameFor(gone.pid(), "0a1b", "here"), "here"))
                .isTrue();
        assertThat(DeadLocalWorkers.diedHere(DeadLocalWorkers.nameFor(gone.pid(), "0a1b", "there"), "here"))
                .isFalse();
        assertThat(DeadLocalWorkers.diedHere(DeadLocalWorkers.nameFor(alive, "0a1b", "here"), "here"))
                .isFalse();
        assertThat(DeadLocalWorkers.diedHere(DeadLocalWorkers.nameForThisProcess(), "here"))
                .isFalse();
        assertThat(DeadLocalWorkers.diedHere("worker-a", "here")).isFalse();
        assertThat(DeadLocalWorkers.nameFor(1, "0a1b", "h".repeat(80))).hasSize(DeadLocalWorkers.MAX_NAME);
    }

    @Test
    void given200NewJobsScheduledTogether_whenRun_thenEachRunsExactlyOnce() throws Exception {
        var scheduler = startScheduler("one", id -> null);
        List<JobId> ids = ids(200);

        scheduler.scheduleNew(ids, Instant.now());

        awaitEachRanOnce(ids);
    }

    @Test
    void givenOneOfThemPendingAlready_whenNewJobsAreScheduledTogether_thenEachStillRunsOnceAtTheNewTime()
            throws Exception {
        var scheduler = startScheduler("one", id -> null);
        List<JobId> ids = ids(3);
        scheduler.schedule(ids.get(1), Instant.now().plus(Duration.ofHours(1)));

        scheduler.scheduleNew(ids, Instant.now());

        awaitEachRanOnce(ids);
    }

    /** Every step ran, exactly once, and nothing is left scheduled. */
    void awaitEachRanOnce(List<JobId> ids) throws InterruptedException {
        await("all " + ids.size() + " steps ran", () -> runs.size() == ids.size());
        awaitNoScheduledSteps();
        assertThat(ids)
                .allSatisfy(id -> assertThat(runs.get(id).get()).as(id.value()).isEqualTo(1));
    }

    @Test
    void given200DueSteps_whenRun_thenEachRunsExactlyOnceAndNothingStaysScheduled() throws Exception {
        var scheduler = startScheduler("one", id -> null);
        List<JobId> ids = ids(200);

        ids.forEach(id -> scheduler.schedule(id, Instant.now()));

        await("all 200 steps ran", () -> runs.size() == ids.size());
        awaitNoScheduledSteps();
        assertThat(ids)
                .allSatisfy(id -> assertThat(runs.get(id).get()).as(id.value()).isEqualTo(1));
    }

    @Test
    void givenStepAsksToRunAgain_whenRun_thenRescheduledFromItsOwnHandler() throws Exception {
        var scheduler = startScheduler(
                "again", id -> runs.get(id).get() < 3 ? Instant.now().plusMillis(20) : null);
        List<JobId> ids = ids(20);

        ids.forEach(id -> scheduler.schedule(id, Instant.now()));

        await("every job ran three steps", () -> ids.stream().allMatch(id -> count(id) == 3));
        awaitNoScheduledSteps();
        assertThat(ids).allSatisfy(id -> assertThat(count(id)).isEqualTo(3));
    }

    /** Issue 17: a step due soon runs when due, not at the next polling round (here a minute away). */
    @Test
    void givenStepsAskingForSoonerThanThePollingInterval_whenRun_thenTheyRunWhenDueNotAtTheNextPoll() throws Exception {
        var settings = DbSchedulerStepScheduler.Settings.defaults(database().dialect())
                .withPollingInterval(Duration.ofMinutes(1))
                .withName("wakeups");
        var scheduler = startScheduler(
                settings, id -> runs.get(id).get() < 3 ? Instant.now().plusMillis(200) : null);
        List<JobId> ids = ids(5);

        ids.forEach(id -> scheduler.schedule(id, Instant.now().plusMillis(100)));

        await(
                "every job ran three steps long before the next polling round",
                () -> ids.stream().allMatch(id -> count(id) == 3));
        assertThat(ids)
                .allSatisfy(id -> assertThat(runTimes.get(id).get(2))
                        .isBefore(runTimes.get(id).get(0).plusSeconds(30)));
    }

    @Test
    void givenPendingStep_whenScheduledAgainLater_thenRunsOnceNotBeforeTheLaterTime() throws Exception {
        var scheduler = startScheduler("replace", id -> null);
        JobId id = ids(1).get(0);
        Instant later = Instant.now().plusMillis(800);

        scheduler.schedule(id, Instant.now().plusMillis(300));
        scheduler.schedule(id, later);

        await("the step ran", () -> count(id) == 1);
        awaitNoScheduledSteps();
        assertThat(count(id)).isEqualTo(1);
        assertThat(runTimes.get(id).get(0)).isAfterOrEqualTo(later);
    }

    @Test
    void givenStepRunningHere_whenScheduledMeanwhile_thenRunsOnceMoreAfterIt() throws Exception {
        CountDownLatch inStep = new CountDownLatch(1);
        CountDownLatch release = new CountDownLatch(1);
        var scheduler = startScheduler("meanwhile", id -> {
            if (count(id) == 1) {
                inStep.countDown();
                awaitLatch(release);
            }
            return null;
        });
        JobId id = ids(1).get(0);
        scheduler.schedule(id, Instant.now());
        assertThat(inStep.await(WAIT.toSeconds(), TimeUnit.SECONDS)).isTrue();

        scheduler.schedule(id, Instant.now());
        release.countDown();

        await("the second step ran", () -> count(id) == 2);
        awaitNoScheduledSteps();
        assertThat(count(id)).isEqualTo(2);
    }

    @Test
    void givenStepThrows_whenRun_thenRetriedLater() throws Exception {
        var scheduler = startScheduler("throws", id -> {
            if (count(id) == 1) throw new IllegalStateException("provider down");
            return null;
        });
        JobId id = ids(1).get(0);

        scheduler.schedule(id, Instant.now());

        await("the step was retried", () -> count(id) == 2);
        awaitNoScheduledSteps();
    }

    @Test
    void givenStepRunning_whenStopped_thenStopWaitsForIt() throws Exception {
        CountDownLatch inStep = new CountDownLatch(1);
        AtomicBoolean finished = new AtomicBoolean();
        var scheduler = startScheduler("graceful", id -> {
            inStep.countDown();
            sleep(300);
            finished.set(true);
            return null;
        });
        scheduler.schedule(ids(1).get(0), Instant.now());
        assertThat(inStep.await(WAIT.toSeconds(), TimeUnit.SECONDS)).isTrue();

        scheduler.stop();

        assertThat(finished).isTrue();
    }

    @Test
    void givenProcessDiedMidStep_whenAnotherSchedulerRuns_thenItRevivesTheStep() throws Exception {
        CountDownLatch inStep = new CountDownLatch(1);
        CountDownLatch endOfTest = new CountDownLatch(1);
        var fast = DbSchedulerStepScheduler.Settings.defaults(database().dialect())
                .withPollingInterval(Duration.ofMillis(50))
                .withHeartbeatInterval(Duration.ofMillis(500))
                .withShutdownWait(Duration.ofMillis(100));
        // The first "process" hangs in its step and ignores interrupts, then stops: its row stays picked and
        // its heartbeats stop, which is what kill -9 leaves behind.
        var dying = startScheduler(fast.withName("dying"), id -> {
            if (count(id) == 1) {
                inStep.countDown();
                awaitUninterruptibly(endOfTest);
            }
            return null;
        });
        JobId id = ids(1).get(0);
        try {
            dying.schedule(id, Instant.now());
            assertThat(inStep.await(WAIT.toSeconds(), TimeUnit.SECONDS)).isTrue();
            dying.stop();

            startScheduler(fast.withName("survivor"), ignored -> null);

            await("the dead step was revived and ran again", () -> count(id) == 2);
        } finally {
            endOfTest.countDown();
        }
    }

    static void awaitUninterruptibly(CountDownLatch latch) {
        long deadline = System.nanoTime() + WAIT.toNanos();
        while (latch.getCount() > 0 && System.nanoTime() < deadline) {
            try {
                latch.await(50, TimeUnit.MILLISECONDS);
            } catch (InterruptedException ignored) {
                // a dead process does not answer interrupts either
            }
        }
    }

    int count(JobId id) {
        AtomicInteger n = runs.get(id);
        return n == null ? 0 : n.get();
    }

    static List<JobId> ids(int count) {
        List<JobId> ids = new ArrayList<>();
        for (int i = 0; i < count; i++) ids.add(JobId.next(Instant.now()));
        return ids;
    }

    static void await(String what, BooleanSupplier condition) throws InterruptedException {
        long deadline = System.nanoTime() + WAIT.toNanos();
        while (!condition.getAsBoolean()) {
            if (System.nanoTime() > deadline) throw new AssertionError("timed out waiting until " + what);
            Thread.sleep(20);
        }
    }

    void awaitNoScheduledSteps() throws InterruptedException {
        await("no step is left in scheduled_tasks", () -> scheduledSteps() == 0);
    }

    int scheduledSteps() {
        try (Connection connection = database().dataSource().getConnection();
                Statement statement = connection.createStatement();
                ResultSet result = statement.executeQuery("SELECT COUNT(*) FROM scheduled_tasks")) {
            result.next();
            return result.getInt(1);
        } catch (SQLException e) {
            throw new IllegalStateException(e);
        }
    }

    static void awaitLatch(CountDownLatch latch) {
        try {
            if (!latch.await(WAIT.toSeconds(), TimeUnit.SECONDS)) throw new AssertionError("latch never opened");
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        }
    }

    static void sleep(long millis) {
        try {
            Thread.sleep(millis);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        }
    }
}
