package dev.avatarkit.runtime.durability;

import static dev.avatarkit.runtime.durability.DurabilityHarness.*;
import static org.assertj.core.api.Assertions.assertThat;

import dev.avatarkit.core.domain.Job;
import dev.avatarkit.core.domain.JobState;
import dev.avatarkit.runtime.ConfigLoader;
import dev.avatarkit.runtime.Platform;
import dev.avatarkit.sim.FaultKind;
import dev.avatarkit.sim.FaultRule;
import dev.avatarkit.sim.HeyGenSimulator;
import dev.avatarkit.storage.jdbc.JdbcJobStore;
import dev.avatarkit.storage.jdbc.JobDatabase;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.stream.Stream;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.BeforeEach;

/**
 * kill -9 at each dangerous point of a job's life, then a restart: every job ends where it should, nothing is paid
 * twice, no partial file is visible, and the stored bytes are the provider's. The crashing worker is a separate
 * JVM; the restarted worker runs in the test JVM (one JVM start per case keeps the class inside its time budget).
 */
abstract class CrashScenarios {
    static final int JOBS = 3;
    static final String FILES = "GET /_sim/files/{token}";
    static HeyGenSimulator sim;

    enum CrashPoint {
        BEFORE_CREATE,
        AFTER_ACCEPT_BEFORE_ID,
        MID_DOWNLOAD,
        AFTER_UPLOAD_BEFORE_STATE
    }

    @BeforeAll
    static void startSimulator() {
        sim = HeyGenSimulator.builder()
                .port(0)
                .renderTime(Duration.ofMillis(300))
                .concurrency(20)
                .build()
                .start();
    }

    @AfterAll
    static void stopSimulator() {
        if (sim != null) sim.close();
    }

    @BeforeEach
    void resetSimulator() {
        sim.reset();
    }

    static String createRoute(String version) {
        return version.equals("v3") ? "POST /v3/videos" : "POST /v2/video/generate";
    }

    /** Returns a one-line summary for the report (also printed). */
    String crashAndRecover(String dbName, String dbUrl, String version, CrashPoint point, Path dir) throws Exception {
        long started = System.nanoTime();
        Map<String, String> env = env(version, sim, dir, dbUrl, 3);
        try (JobDatabase database = open(dbUrl)) { // migrates before the worker starts
            JdbcJobStore store = store(database);
            Map<String, String> workerEnv = new HashMap<>(env);
            workerEnv.put("SUBMIT_JOBS", String.valueOf(JOBS));
            workerEnv.put("WORKER_NAME", "crashing-" + point.name().toLowerCase());
            switch (point) {
                case BEFORE_CREATE, AFTER_UPLOAD_BEFORE_STATE -> workerEnv.put("CRASH_POINT", point.name());
                case AFTER_ACCEPT_BEFORE_ID ->
                    // the render is created, then the answer (with its id) is held back while we kill the worker
                    sim.faults()
                            .add(FaultRule.on(createRoute(version), FaultKind.SLOW)
                                    .delayMs(2500)
                                    .next(1));
                case MID_DOWNLOAD -> {
                    // first file response is cut in half (the adapter resumes with Range), the next one stalls
                    sim.faults().add(FaultRule.on(FILES, FaultKind.TRUNCATE).calls(1));
                    sim.faults()
                            .add(FaultRule.on(FILES, FaultKind.SLOW)
                                    .delayMs(4000)
                                    .calls(2));
                }
            }
            int exit;
            boolean tempAtKill = false;
            try (WorkerProcess worker = WorkerProcess.start(workerEnv, dir.resolve("crashing-worker.log"))) {
                switch (point) {
                    case BEFORE_CREATE, AFTER_UPLOAD_BEFORE_STATE -> exit = worker.waitForExit(60);
                    case AFTER_ACCEPT_BEFORE_ID -> {
                        awaitOrDump(
                                worker,
                                "the create to reach the simulator",
                                () -> sim.stats().jobsCreated() >= 1);
                        exit = worker.kill9();
                    }
                    default -> {
                        awaitOrDump(
                                worker,
                                "a stalled file download",
                                () -> sim.stats().requests(FILES) >= 2);
                        try {
                            await("a temp file", Duration.ofSeconds(1), () -> hasTemp(storage(dir)));
                        } catch (AssertionError noTempYet) {
                            // the stalled request may be a fresh one, before any byte: still mid-download
                        }
                        tempAtKill = hasTemp(storage(dir));
                        exit = worker.kill9();
                    }
                }
                assertThat(exit)
                        .as("worker exit code; output:\n%s", worker.output())
                        .isEqualTo(137);
            }
            List<Job> atCrash = allJobs(store);
            assertThat(atCrash).hasSize(JOBS);
            assertCrashPointReached(point, atCrash);
            long createsBefore = sim.stats().jobsCreated();

            sim.faults().clear();
            int picked = ageDeadHeartbeats(database);
            List<Job> done;
            try (Platform restarted = new Platform(ConfigLoader.load(Map.of(), env, null), options(3, "restarted"))) {
                restarted.startWorkers();
                done = awaitAllTerminal(store, JOBS, Duration.ofSeconds(45));
            }
            assertOutcomes(sim, done, version, false);
            assertAtMostOneCreatePerJob(sim, done, version);
            assertNoPartialAssets(storage(dir), done);
            assertBytesMatchSimulator(sim, version, done);
            String summary = String.format(
                    "crash %s %s %s: states at crash %s, picked steps %d, temp at kill %s, "
                            + "creates before/after restart %d/%d, final %s, %d ms",
                    dbName,
                    version,
                    point,
                    countByState(atCrash),
                    picked,
                    tempAtKill,
                    createsBefore,
                    sim.stats().jobsCreated(),
                    countByState(done),
                    (System.nanoTime() - started) / 1_000_000);
            System.out.println(summary);
            return summary;
        }
    }

    private static void assertCrashPointReached(CrashPoint point, List<Job> jobs) {
        boolean reached = switch (point) {
            case BEFORE_CREATE, AFTER_ACCEPT_BEFORE_ID -> jobs.stream().anyMatch(j -> j.state() == JobState.SUBMITTING);
            case MID_DOWNLOAD -> jobs.stream().anyMatch(j -> j.state() == JobState.DOWNLOADING);
            case AFTER_UPLOAD_BEFORE_STATE ->
                jobs.stream()
                        .anyMatch(j ->
                                j.state() == JobState.DOWNLOADING && !j.assets().isEmpty());
        };
        assertThat(reached)
                .as(
                        "crash point %s reached; jobs at crash %s",
                        point,
                        jobs.stream()
                                .map(j -> j.state() + "/" + j.assets().size())
                                .toList())
                .isTrue();
    }

    private static void awaitOrDump(WorkerProcess worker, String what, java.util.function.BooleanSupplier condition) {
        try {
            await(what, Duration.ofSeconds(60), () -> {
                if (!worker.process().isAlive()) throw new AssertionError("worker died early:\n" + worker.output());
                return condition.getAsBoolean();
            });
        } catch (AssertionError e) {
            throw new AssertionError(e.getMessage() + "\nworker output:\n" + worker.output(), e);
        }
    }

    static boolean hasTemp(Path storage) {
        if (!Files.exists(storage)) return false;
        try (Stream<Path> files = Files.walk(storage)) {
            return files.anyMatch(p -> p.getFileName().toString().endsWith(".tmp"));
        } catch (Exception e) {
            return false; // a temp vanished while walking
        }
    }
}
