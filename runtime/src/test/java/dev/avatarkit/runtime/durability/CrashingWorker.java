package dev.avatarkit.runtime.durability;

import dev.avatarkit.core.domain.Job;
import dev.avatarkit.core.domain.JobState;
import dev.avatarkit.core.usecase.CreateJob;
import dev.avatarkit.runtime.AvatarkitConfig;
import dev.avatarkit.runtime.ConfigLoader;
import dev.avatarkit.runtime.Platform;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.io.Writer;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.util.Map;
import java.util.concurrent.atomic.AtomicBoolean;

/**
 * A worker process for the durability tests: builds a Platform from the environment (the production keys, plus
 * the test-only ones below), optionally submits jobs, starts the workers, and — if asked — dies with
 * {@code Runtime.halt(137)} (no shutdown hooks, no finally blocks: as close to kill -9 as the JVM gets) the first
 * time a crash condition holds. Runs until killed.
 *
 * <ul>
 *   <li>{@code CRASH_POINT}: NONE (default), BEFORE_CREATE (a job was committed as SUBMITTING; its create is not
 *   sent yet), AFTER_UPLOAD_BEFORE_STATE (a job has ≥1 stored asset recorded but is still DOWNLOADING). The other
 *   points (after the create was accepted, mid-download) are killed from the test with SIGKILL.</li>
 *   <li>{@code SUBMIT_JOBS}: how many jobs to submit before starting the workers (0 = none).</li>
 *   <li>{@code WORKER_NAME}: the db-scheduler name.</li>
 *   <li>{@code EVENTS_FILE}: append "worker jobId state" for every job write made by this process.</li>
 * </ul>
 */
public final class CrashingWorker {
    public static final String READY = "WORKER READY";

    private CrashingWorker() {}

    public static void main(String[] args) throws Exception {
        Map<String, String> env = System.getenv();
        String crashPoint = env.getOrDefault("CRASH_POINT", "NONE");
        int submit = Integer.parseInt(env.getOrDefault("SUBMIT_JOBS", "0"));
        String worker = env.getOrDefault(
                "WORKER_NAME", "worker-" + ProcessHandle.current().pid());
        AvatarkitConfig config = ConfigLoader.load(Map.of(), env, null);
        Platform platform = new Platform(
                config,
                DurabilityHarness.options(Integer.parseInt(env.getOrDefault("HEYGEN_MAX_CONCURRENCY", "3")), worker));

        AtomicBoolean halted = new AtomicBoolean();
        platform.jobEvents().subscribe(job -> {
            if (crashNow(crashPoint, job) && halted.compareAndSet(false, true)) {
                System.out.println("HALT " + crashPoint + " job " + job.id() + " state " + job.state() + " assets "
                        + job.assets().size());
                System.out.flush();
                Runtime.getRuntime().halt(137);
            }
        });
        if (env.containsKey("EVENTS_FILE")) {
            Writer events = Files.newBufferedWriter(
                    Path.of(env.get("EVENTS_FILE")),
                    StandardCharsets.UTF_8,
                    StandardOpenOption.CREATE,
                    StandardOpenOption.APPEND);
            platform.jobEvents().subscribe(job -> {
                synchronized (events) {
                    try {
                        events.write(worker + " " + job.id() + " " + job.state() + "\n");
                        events.flush();
                    } catch (IOException e) {
                        throw new UncheckedIOException(e);
                    }
                }
            });
        }

        for (int i = 0; i < submit; i++) {
            Job job = platform.createJob()
                    .create(CreateJob.Command.of(DurabilityHarness.spec(i)))
                    .job();
            System.out.println("SUBMITTED " + job.id());
        }
        platform.startWorkers();
        System.out.println(READY + " " + worker);
        System.out.flush();
        Thread.currentThread().join(); // until killed
    }

    static boolean crashNow(String point, Job job) {
        return switch (point) {
            case "BEFORE_CREATE" -> job.state() == JobState.SUBMITTING;
            case "AFTER_UPLOAD_BEFORE_STATE" ->
                job.state() == JobState.DOWNLOADING && !job.assets().isEmpty();
            default -> false;
        };
    }
}
