package dev.avatarkit.bench;

import dev.avatarkit.core.domain.BatchId;
import dev.avatarkit.core.domain.IdempotencyKey;
import dev.avatarkit.core.domain.Job;
import dev.avatarkit.core.domain.JobId;
import dev.avatarkit.core.domain.JobState;
import dev.avatarkit.core.domain.VideoSpec;
import dev.avatarkit.storage.jdbc.DatabaseConfig;
import dev.avatarkit.storage.jdbc.JdbcJobStore;
import dev.avatarkit.storage.jdbc.JobDatabase;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.util.Map;

/**
 * {@code SeedJobs --home DIR --jobs 10000}: fills {@code DIR/avatarkit.db} (the CLI's default database under
 * AVATARKIT_HOME) with jobs through {@link JdbcJobStore#insert}, the same path the engine uses. Jobs are spread
 * over the terminal and waiting states so nothing would be resumed; 1 in 10 belongs to a batch.
 */
public final class SeedJobs {
    private SeedJobs() {}

    public static void main(String[] argv) throws Exception {
        Map<String, String> args = Measure.args(argv);
        Path home = Path.of(args.getOrDefault("home", "bench-home"));
        int count = Integer.parseInt(args.getOrDefault("jobs", "10000"));
        Files.createDirectories(home);
        JobState[] states = {
            JobState.SUCCEEDED, JobState.SUCCEEDED, JobState.SUCCEEDED, JobState.FAILED, JobState.CANCELED
        };
        long start = System.nanoTime();
        try (JobDatabase db =
                JobDatabase.open(DatabaseConfig.of("jdbc:sqlite:" + home.resolve("avatarkit.db"), null, null))) {
            JdbcJobStore store = new JdbcJobStore(db);
            Instant base = Instant.now().minusSeconds(count);
            for (int i = 0; i < count; i++) {
                Instant at = base.plusSeconds(i);
                VideoSpec spec = VideoSpec.singleAvatar(
                        "Daisy-inskirt-20220818",
                        "2d5b0e6cf36f460aa7fc47e3eee4ba54",
                        "Hello number " + i + ", this is a seeded benchmark job with a sentence of text.");
                JobId id = JobId.next(at);
                Job job = Job.queued(
                        id,
                        IdempotencyKey.forJob(id),
                        spec,
                        "heygen",
                        at,
                        i % 10 == 0 ? new BatchId("b-bench" + (i / 1000)) : null,
                        null);
                store.insert(job.withState(states[i % states.length], at));
            }
        }
        System.out.printf(
                "seeded %d jobs into %s in %.1f s%n",
                count, home.resolve("avatarkit.db"), (System.nanoTime() - start) / 1e9);
    }
}
