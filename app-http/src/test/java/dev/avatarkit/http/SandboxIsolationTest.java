package dev.avatarkit.http;

import static org.assertj.core.api.Assertions.assertThat;

import dev.avatarkit.core.domain.IdempotencyKey;
import dev.avatarkit.core.domain.Job;
import dev.avatarkit.core.domain.JobId;
import dev.avatarkit.core.domain.JobState;
import dev.avatarkit.core.domain.ProviderRef;
import dev.avatarkit.core.domain.VideoSpec;
import dev.avatarkit.storage.jdbc.DatabaseConfig;
import dev.avatarkit.storage.jdbc.JdbcJobStore;
import dev.avatarkit.storage.jdbc.JobDatabase;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Issue 16 #1 (money): a sandbox server started on the home of real work must not resume real, paid renders
 * against its simulator (which does not know them and would fail them as {@code not_found}).
 */
class SandboxIsolationTest {

    @Test
    void givenARealJobRendering_whenASandboxServerStartsOnTheSameHome_thenTheRealJobIsUntouched(@TempDir Path dir)
            throws Exception {
        Path home = dir.resolve("home");
        Files.createDirectories(home);
        JobId id = JobId.next(Instant.now());
        Job rendering;
        try (JobDatabase db =
                JobDatabase.open(DatabaseConfig.of("jdbc:sqlite:" + home.resolve("avatarkit.db"), null, null))) {
            JdbcJobStore store = new JdbcJobStore(db);
            Job queued = Job.queued(
                    id,
                    IdempotencyKey.forJob(id),
                    VideoSpec.singleAvatar("a", "v", "paid render"),
                    "heygen",
                    Instant.now(),
                    null,
                    null);
            store.insert(queued);
            Job current = store.find(id).orElseThrow();
            rendering = store.update(current.submitting(Instant.now())
                    .rendering(
                            new ProviderRef("real-render-1"),
                            "processing",
                            Instant.now(),
                            Instant.now(),
                            Instant.now().plusSeconds(3600)));
        }

        try (TestServer sandbox = TestServer.sandbox(dir)) {
            // the server resumed its unfinished jobs while starting: a job it cannot see, it can never resume (before
            // the fix it saw, resumed and failed this one as not_found at its own simulator)
            assertThat(sandbox.get("/v1/jobs/" + id.value()).status()).isEqualTo(404);
        }

        try (JobDatabase db =
                JobDatabase.open(DatabaseConfig.of("jdbc:sqlite:" + home.resolve("avatarkit.db"), null, null))) {
            Job after = new JdbcJobStore(db).find(id).orElseThrow();
            assertThat(after.state()).isEqualTo(JobState.RENDERING);
            assertThat(after.providerRef()).isEqualTo(rendering.providerRef());
            assertThat(after.error()).isNull();
        }
        assertThat(home.resolve("sandbox.db")).exists();
    }
}
