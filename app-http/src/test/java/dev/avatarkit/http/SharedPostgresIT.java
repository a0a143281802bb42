package dev.avatarkit.http;

import static org.assertj.core.api.Assertions.assertThat;

import dev.avatarkit.sim.HeyGenSimulator;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Assumptions;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Shared mode: two servers on the same PostgreSQL and the same store share the work; no job is processed twice
 * (one create per job at the simulator, one attempt per job). Needs {@code AVATARKIT_TEST_PG_URL}.
 */
class SharedPostgresIT {
    @Test
    void givenTwoServersOnOnePostgres_whenJobsArePostedToBoth_thenEachJobIsCreatedExactlyOnce(@TempDir Path dir) {
        String pg = System.getenv("AVATARKIT_TEST_PG_URL");
        if (pg == null || pg.isBlank())
            System.out.println("SKIPPED SharedPostgresIT: AVATARKIT_TEST_PG_URL is not set");
        Assumptions.assumeTrue(
                pg != null && !pg.isBlank(), "AVATARKIT_TEST_PG_URL is not set: two-server test skipped");
        String schema = "t_http_"
                + java.util.UUID.randomUUID().toString().replace("-", "").substring(0, 12);
        try (java.sql.Connection c = java.sql.DriverManager.getConnection(pg);
                java.sql.Statement st = c.createStatement()) {
            st.execute("CREATE SCHEMA " + schema);
        } catch (java.sql.SQLException e) {
            throw new IllegalStateException("cannot create a test schema on AVATARKIT_TEST_PG_URL", e);
        }
        String url = pg + (pg.contains("?") ? "&" : "?") + "currentSchema=" + schema;
        try (HeyGenSimulator sim = HeyGenSimulator.builder()
                .port(0)
                .renderTime(Duration.ofMillis(500))
                .callbackSecret("whsec_shared")
                .build()
                .start()) {
            Map<String, String> env = Map.of(
                    "AVATARKIT_DB_URL",
                    url,
                    "AVATARKIT_STORAGE_DIR",
                    dir.resolve("assets").toString(),
                    "HEYGEN_API_KEY",
                    "sim-key",
                    "HEYGEN_BASE_URL",
                    sim.baseUrl(),
                    "HEYGEN_WEBHOOK_SECRET",
                    "whsec_shared",
                    "HEYGEN_MAX_CONCURRENCY",
                    "10");
            long before = sim.stats().jobsCreated();
            try (TestServer a = TestServer.start(dir.resolve("a"), env);
                    TestServer b = TestServer.start(dir.resolve("b"), env)) {
                List<String> ids = new ArrayList<>();
                for (int i = 0; i < 12; i++) {
                    TestServer s = i % 2 == 0 ? a : b;
                    ids.add(s.post("/v1/videos", TestServer.videoBody("shared " + i))
                            .field("id"));
                }
                for (String id : ids) {
                    var done = JobRoutesTest.await(a, id);
                    assertThat(((Number) done.json().get("attempts")).intValue())
                            .isEqualTo(1);
                    assertThat(b.get("/v1/jobs/" + id).field("state")).isEqualTo("SUCCEEDED");
                }
            }
            assertThat(sim.stats().duplicateCreates()).isZero();
            assertThat(sim.stats().jobsCreated() - before).isEqualTo(12);
        }
    }
}
