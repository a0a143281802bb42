package dev.avatarkit.runtime.durability;

import static dev.avatarkit.runtime.durability.DurabilityHarness.*;
import static org.assertj.core.api.Assertions.assertThat;

import dev.avatarkit.core.domain.BatchId;
import dev.avatarkit.core.domain.Job;
import dev.avatarkit.core.domain.JobState;
import dev.avatarkit.core.usecase.CreateJob;
import dev.avatarkit.runtime.ConfigLoader;
import dev.avatarkit.runtime.Platform;
import dev.avatarkit.sim.HeyGenSimulator;
import dev.avatarkit.storage.jdbc.JdbcJobStore;
import dev.avatarkit.storage.jdbc.JobDatabase;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.function.Function;
import java.util.stream.Collectors;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Two worker processes (separate JVMs, different db-scheduler names) on one PostgreSQL schema share a batch of
 * simulated jobs: each job is created once at the provider, finished exactly once, none is lost, and both workers
 * do part of the work. Job count: {@code -Davatarkit.twoWorkers.jobs=N}; the soak that bench runs is
 * {@code -Davatarkit.twoWorkers.jobs=1000} (157 s here).
 */
class TwoWorkersIT {
    /**
     * Enough jobs that both workers' pollers find work while the other is busy, few enough for {@code verify}: the
     * point (one create and one finish per job across two JVMs) holds or breaks on the first tens of jobs; 500 took
     * 140 s of a 10-minute budget.
     */
    static final int DEFAULT_JOBS = 120;

    @Test
    void givenTwoWorkersOnOnePostgres_whenTheyShareABatch_thenEveryJobIsProcessedExactlyOnceByOneOfThem(
            @TempDir Path dir) throws Exception {
        int jobs = Integer.getInteger("avatarkit.twoWorkers.jobs", DEFAULT_JOBS);
        String url = freshPostgresUrlOrSkip("two_workers");
        try (HeyGenSimulator sim = HeyGenSimulator.builder()
                        .port(0)
                        .renderTime(Duration.ofMillis(80))
                        .concurrency(100)
                        .build()
                        .start();
                JobDatabase database = open(url)) {
            JdbcJobStore store = store(database);
            Map<String, String> env = env("v3", sim, dir, url, 50);
            Path eventsA = dir.resolve("events-a.txt");
            Path eventsB = dir.resolve("events-b.txt");
            long started = System.nanoTime();
            try (WorkerProcess a = WorkerProcess.start(worker(env, "worker-a", eventsA), dir.resolve("worker-a.log"));
                    WorkerProcess b =
                            WorkerProcess.start(worker(env, "worker-b", eventsB), dir.resolve("worker-b.log"))) {
                await("both workers ready", Duration.ofSeconds(60), () -> ready(a) && ready(b));
                long ready = System.nanoTime();
                BatchId batch = new BatchId("two-workers");
                // the test only writes the jobs (its scheduler is never started): both workers pick them up
                try (Platform submitter =
                        new Platform(ConfigLoader.load(Map.of(), env, null), options(50, "submitter"))) {
                    CreateJob create = submitter.createJob();
                    java.util.concurrent.ExecutorService pool = java.util.concurrent.Executors.newFixedThreadPool(4);
                    List<java.util.concurrent.Future<?>> futures = new java.util.ArrayList<>();
                    for (int i = 0; i < jobs; i++) {
                        int n = i;
                        futures.add(
                                pool.submit(() -> create.create(new CreateJob.Command(spec(n), null, batch, null))));
                    }
                    for (var f : futures) f.get();
                    pool.shutdown();
                }
                long submitted = System.nanoTime();
                await(jobs + " jobs terminal", Duration.ofSeconds(150), () -> {
                    Map<JobState, Integer> counts = store.countByState(batch);
                    if (!a.process().isAlive() || !b.process().isAlive()) {
                        throw new AssertionError("a worker died:\n" + a.output() + "\n" + b.output());
                    }
                    return counts.entrySet().stream()
                                    .filter(e -> e.getKey().isTerminal())
                                    .mapToInt(Map.Entry::getValue)
                                    .sum()
                            == jobs;
                });
                long finished = System.nanoTime();

                List<Job> all = allJobs(store);
                assertThat(all).hasSize(jobs);
                assertThat(countByState(all)).as("no lost or failed job").isEqualTo(Map.of(JobState.SUCCEEDED, (long)
                        jobs));
                assertAtMostOneCreatePerJob(sim, all, "v3");
                assertThat(sim.stats().jobsCreated()).isEqualTo(jobs);

                Map<String, Long> finishedBy = finishes(eventsA, eventsB);
                assertThat(finishedBy)
                        .as("each job finished (SUCCEEDED written) exactly once across both workers")
                        .hasSize(jobs)
                        .allSatisfy((job, times) -> assertThat(times).as(job).isEqualTo(1L));
                long byA = succeeded(eventsA);
                long byB = succeeded(eventsB);
                assertThat(byA).as("jobs finished by worker-a").isPositive();
                assertThat(byB).as("jobs finished by worker-b").isPositive();
                assertNoPartialAssets(storage(dir), all);
                System.out.printf(
                        "two workers: %d jobs, worker-a finished %d, worker-b finished %d; JVM start %d ms, "
                                + "submit %d ms, processing %d ms; sim 429s %d, requests %d%n",
                        jobs,
                        byA,
                        byB,
                        (ready - started) / 1_000_000,
                        (submitted - ready) / 1_000_000,
                        (finished - submitted) / 1_000_000,
                        sim.stats().tooManyRequestsServed(),
                        sim.stats().requestsPerRoute().values().stream()
                                .mapToLong(Long::longValue)
                                .sum());
            }
        } finally {
            dropPostgresSchema(url);
        }
    }

    private static Map<String, String> worker(Map<String, String> env, String name, Path events) {
        Map<String, String> out = new HashMap<>(env);
        out.put("WORKER_NAME", name);
        out.put("EVENTS_FILE", events.toString());
        return out;
    }

    private static boolean ready(WorkerProcess worker) {
        if (!worker.process().isAlive()) throw new AssertionError("worker died:\n" + worker.output());
        return worker.output().contains(CrashingWorker.READY);
    }

    private static List<String> lines(Path file) throws java.io.IOException {
        return Files.exists(file) ? Files.readAllLines(file) : List.of();
    }

    private static long succeeded(Path events) throws java.io.IOException {
        return lines(events).stream().filter(l -> l.endsWith(" SUCCEEDED")).count();
    }

    private static Map<String, Long> finishes(Path... files) throws java.io.IOException {
        Map<String, Long> out = new HashMap<>();
        for (Path f : files) {
            lines(f).stream()
                    .filter(l -> l.endsWith(" SUCCEEDED"))
                    .map(l -> l.split(" ")[1])
                    .collect(Collectors.groupingBy(Function.identity(), Collectors.counting()))
                    .forEach((k, v) -> out.merge(k, v, Long::sum));
        }
        return out;
    }
}
