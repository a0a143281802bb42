package dev.avatarkit.storage.jdbc;

import dev.avatarkit.core.domain.Job;
import dev.avatarkit.core.domain.JobId;
import dev.avatarkit.core.domain.JobState;
import dev.avatarkit.core.domain.ProviderRef;
import dev.avatarkit.testkit.jobs.JobSamples;
import java.nio.file.Path;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.condition.EnabledIfSystemProperty;
import org.junit.jupiter.api.io.TempDir;

/**
 * Prints jobs per second through the store alone (insert, update to RENDERING, update to SUCCEEDED), single
 * threaded and with 8 threads. A measurement, not a check: it asserts nothing and runs only when asked:
 * {@code ./mvnw -pl jobstore-jdbc -am test -Dtest=JobStoreThroughputTest -Davatarkit.bench=true}
 * (and {@code AVATARKIT_TEST_PG_URL} for PostgreSQL). Output: target/surefire-reports/*JobStoreThroughputTest-output.txt.
 */
@EnabledIfSystemProperty(named = "avatarkit.bench", matches = "true")
class JobStoreThroughputTest {
    private static final int JOBS = 2_000;

    @TempDir
    Path dir;

    @Test
    void sqlite() throws Exception {
        try (JobDatabase database = TestDatabases.sqlite(dir)) {
            measure("SQLite (WAL, synchronous=FULL, pool 4)", new JdbcJobStore(database));
        }
    }

    @Test
    void postgresql() throws Exception {
        TestDatabases.PostgresSchema schema = TestDatabases.postgresSchemaOrSkip("bench");
        try (JobDatabase database = JobDatabase.open(schema.config(10))) {
            measure("PostgreSQL (pool 10)", new JdbcJobStore(database));
        } finally {
            schema.drop();
        }
    }

    private static void measure(String backend, JdbcJobStore store) throws Exception {
        run(store, 200, 1); // warm-up: JIT, pool, statement caches
        for (int threads : new int[] {1, 8}) {
            long start = System.nanoTime();
            run(store, JOBS, threads);
            double seconds = (System.nanoTime() - start) / 1e9;
            System.out.printf(
                    "%s, %d thread(s): %d jobs (3 writes each) in %.2f s = %.0f jobs/s%n",
                    backend, threads, JOBS, seconds, JOBS / seconds);
        }
    }

    private static void run(JdbcJobStore store, int jobs, int threads) throws Exception {
        ExecutorService pool = Executors.newFixedThreadPool(threads);
        try {
            List<Future<?>> done = new ArrayList<>();
            for (int t = 0; t < threads; t++) {
                int share = jobs / threads;
                done.add(pool.submit(() -> {
                    for (int i = 0; i < share; i++) lifecycle(store);
                    return null;
                }));
            }
            for (Future<?> future : done) future.get();
        } finally {
            pool.shutdownNow();
        }
    }

    private static void lifecycle(JdbcJobStore store) {
        Instant now = Instant.now();
        Job job = store.insert(JobSamples.queued(JobId.next(now))).job();
        job = store.update(job.rendering(
                new ProviderRef("v-" + job.id()), "processing", now, now.plusSeconds(5), now.plusSeconds(600)));
        store.update(job.withState(JobState.SUCCEEDED, now));
    }
}
