package dev.avatarkit.runtime.durability;

import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import com.squareup.moshi.Moshi;
import com.squareup.moshi.Types;
import dev.avatarkit.core.domain.AssetKind;
import dev.avatarkit.core.domain.Job;
import dev.avatarkit.core.domain.JobState;
import dev.avatarkit.core.domain.StoredAsset;
import dev.avatarkit.core.domain.VideoSpec;
import dev.avatarkit.core.engine.EnginePolicy;
import dev.avatarkit.core.port.JobPage;
import dev.avatarkit.core.port.JobQuery;
import dev.avatarkit.core.port.JobStore;
import dev.avatarkit.runtime.PlatformOptions;
import dev.avatarkit.sim.HeyGenSimulator;
import dev.avatarkit.storage.jdbc.DatabaseConfig;
import dev.avatarkit.storage.jdbc.JdbcJobStore;
import dev.avatarkit.storage.jdbc.JobDatabase;
import java.io.IOException;
import java.io.InputStream;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.MessageDigest;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.PreparedStatement;
import java.sql.SQLException;
import java.sql.Statement;
import java.sql.Timestamp;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HexFormat;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.UUID;
import java.util.function.BooleanSupplier;
import java.util.stream.Stream;
import org.awaitility.Awaitility;

/**
 * Shared by the durability and fault tests: env-style configuration pointing a Platform at an external simulator,
 * fast engine timings, fresh PostgreSQL schemas, and the invariants every scenario must keep (terminal, one create
 * per job, no partial asset, stored bytes = served bytes).
 */
public final class DurabilityHarness {
    public static final String PG_URL_ENV = "AVATARKIT_TEST_PG_URL";
    public static final String AVATAR = "Daisy-inskirt-20220818";
    public static final String VOICE = "2d5b0e6cf36f460aa7fc47e3eee4ba54";
    public static final String API_KEY = "durability-test-key";
    private static final HttpClient HTTP =
            HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(5)).build();

    private DurabilityHarness() {}

    public static VideoSpec spec(int i) {
        return VideoSpec.singleAvatar(AVATAR, VOICE, "Durability test job number " + i);
    }

    /** The env a worker reads through ConfigLoader (same keys as production). */
    public static Map<String, String> env(
            String version, HeyGenSimulator sim, Path dir, String dbUrl, int maxConcurrency) {
        Map<String, String> env = new HashMap<>();
        env.put("HEYGEN_BASE_URL", sim.baseUrl());
        env.put("HEYGEN_UPLOAD_URL", sim.baseUrl());
        env.put("HEYGEN_API_KEY", API_KEY);
        env.put("HEYGEN_API_VERSION", version);
        env.put("HEYGEN_MAX_CONCURRENCY", String.valueOf(maxConcurrency));
        env.put("AVATARKIT_HOME", dir.resolve("home").toString());
        env.put("AVATARKIT_STORAGE_DIR", storage(dir).toString());
        env.put("AVATARKIT_DB_URL", dbUrl);
        return env;
    }

    public static Path storage(Path dir) {
        return dir.resolve("assets").toAbsolutePath();
    }

    public static String sqliteUrl(Path dir) {
        return "jdbc:sqlite:" + dir.resolve("home").resolve("avatarkit.db").toAbsolutePath();
    }

    /** Fast polling and short retry delays; everything else as in production. */
    public static EnginePolicy fastPolicy(int maxConcurrency) {
        EnginePolicy d = EnginePolicy.defaults(maxConcurrency);
        return new EnginePolicy(
                Duration.ofMillis(100),
                Duration.ofMillis(500),
                d.pollMultiplier(),
                d.renderTimeout(),
                Duration.ofMillis(250),
                Duration.ofMillis(250),
                d.downloadAttempts(),
                d.creditBreakerOpenFor(),
                maxConcurrency);
    }

    public static PlatformOptions options(int maxConcurrency, String workerName) {
        return PlatformOptions.defaults()
                .withSchedulerPolling(Duration.ofMillis(50))
                .withPolicy(fastPolicy(maxConcurrency))
                .withWorkerName(workerName);
    }

    // ---------------------------------------------------------------- PostgreSQL

    public static boolean postgresConfigured() {
        String url = System.getenv(PG_URL_ENV);
        boolean configured = url != null && !url.isBlank();
        if (!configured) System.err.println(PG_URL_ENV + " not set: skipping PostgreSQL durability tests");
        return configured;
    }

    /** A JDBC URL on a brand-new schema, or a visible skip when no PostgreSQL server is configured. */
    public static String freshPostgresUrlOrSkip(String purpose) {
        assumeTrue(postgresConfigured(), PG_URL_ENV + " not set: skipping PostgreSQL durability tests");
        String base = System.getenv(PG_URL_ENV);
        String schema = ("t_" + purpose + "_"
                        + UUID.randomUUID().toString().replace("-", "").substring(0, 10))
                .toLowerCase(Locale.ROOT);
        try (Connection c = DriverManager.getConnection(base);
                Statement s = c.createStatement()) {
            s.execute("CREATE SCHEMA " + schema);
        } catch (SQLException e) {
            throw new IllegalStateException("cannot create schema " + schema, e);
        }
        return base + (base.contains("?") ? "&" : "?") + "currentSchema=" + schema;
    }

    public static void dropPostgresSchema(String url) {
        int at = url.indexOf("currentSchema=");
        if (at < 0) return;
        String schema = url.substring(at + "currentSchema=".length());
        try (Connection c = DriverManager.getConnection(System.getenv(PG_URL_ENV));
                Statement s = c.createStatement()) {
            s.execute("DROP SCHEMA IF EXISTS " + schema + " CASCADE");
        } catch (SQLException e) {
            System.err.println("could not drop " + schema + ": " + e.getMessage());
        }
    }

    // ---------------------------------------------------------------- database reads

    public static JobDatabase open(String dbUrl) {
        return JobDatabase.open(DatabaseConfig.of(dbUrl, null, null));
    }

    public static List<Job> allJobs(JobStore store) {
        List<Job> out = new ArrayList<>();
        JobQuery query = JobQuery.all(1000);
        while (true) {
            JobPage page = store.list(query);
            out.addAll(page.jobs());
            if (page.next() == null || page.jobs().isEmpty()) return out;
            query = query.after(page.next());
        }
    }

    /**
     * kill -9 leaves the dead worker's running steps "picked" in scheduled_tasks; db-scheduler revives them only
     * once their heartbeat is older than heartbeatInterval (30 s, not configurable through PlatformOptions) times
     * its missed-heartbeat limit (6) = 3 minutes. Instead of waiting, age those heartbeats: the product's own
     * dead-execution revival then does the rest. Returns how many executions were left picked by the dead process.
     */
    public static int ageDeadHeartbeats(JobDatabase db) {
        try (Connection c = db.dataSource().getConnection();
                PreparedStatement s =
                        c.prepareStatement("UPDATE scheduled_tasks SET last_heartbeat = ? WHERE picked = ?")) {
            s.setTimestamp(1, Timestamp.from(Instant.now().minus(Duration.ofHours(1))));
            s.setBoolean(2, true);
            return s.executeUpdate();
        } catch (SQLException e) {
            throw new IllegalStateException("cannot age heartbeats", e);
        }
    }

    public static void await(String what, Duration timeout, BooleanSupplier condition) {
        Awaitility.await(what)
                .atMost(timeout)
                .pollInterval(Duration.ofMillis(50))
                .until(condition::getAsBoolean);
    }

    public static List<Job> awaitAllTerminal(JobStore store, int expected, Duration timeout) {
        List<Job>[] last = new List[] {List.of()};
        try {
            await(expected + " terminal jobs", timeout, () -> {
                last[0] = allJobs(store);
                return last[0].size() == expected
                        && last[0].stream().allMatch(j -> j.state().isTerminal());
            });
        } catch (AssertionError e) {
            Map<JobState, Long> states = new HashMap<>();
            last[0].forEach(j -> states.merge(j.state(), 1L, Long::sum));
            throw new AssertionError(e.getMessage() + "; states now " + states + " of " + last[0].size() + " jobs");
        }
        return last[0];
    }

    // ---------------------------------------------------------------- invariants

    /** At most one create per job at the simulator, and no duplicate create at all. */
    public static void assertAtMostOneCreatePerJob(HeyGenSimulator sim, List<Job> jobs, String version) {
        for (Job job : jobs) {
            String key = job.providerKey().value();
            long creates = version.equals("v3")
                    ? sim.stats().createsForIdempotencyKey(key)
                    : sim.stats().createsForCallbackId(key);
            assertThat(creates)
                    .as("creates at the simulator for job %s (%s)", job.id(), job.state())
                    .isLessThanOrEqualTo(1);
            if (job.state() == JobState.SUCCEEDED)
                assertThat(creates).as("creates for succeeded job %s", job.id()).isEqualTo(1);
        }
        assertThat(sim.stats().duplicateCreates())
                .as("duplicate creates; sim stats %s", sim.stats().toJson())
                .isZero();
    }

    /**
     * The terminal state each job must reach: a job the simulator created a render for must SUCCEED (v3 resends
     * with its key, v2 reconciles by callback_id); a v2 job the simulator never saw a create for may only end in
     * NEEDS_ATTENTION (never resent blindly). {@code expectFailed}: the render itself fails (FAIL_JOB).
     */
    public static void assertOutcomes(HeyGenSimulator sim, List<Job> jobs, String version, boolean expectFailed) {
        for (Job job : jobs) {
            String key = job.providerKey().value();
            long creates = version.equals("v3")
                    ? sim.stats().createsForIdempotencyKey(key)
                    : sim.stats().createsForCallbackId(key);
            JobState expected = expectFailed
                    ? JobState.FAILED
                    : creates > 0 || version.equals("v3") ? JobState.SUCCEEDED : JobState.NEEDS_ATTENTION;
            assertThat(job.state())
                    .as("job %s (creates at the simulator: %s; error %s)", job.id(), creates, job.error())
                    .isEqualTo(expected);
        }
    }

    /** No temp file anywhere under the store; every recorded asset is on disk with its recorded size and sha256. */
    public static void assertNoPartialAssets(Path storage, List<Job> jobs) throws IOException {
        if (Files.exists(storage)) {
            try (Stream<Path> files = Files.walk(storage)) {
                List<Path> temps = files.filter(p -> p.getFileName().toString().endsWith(".tmp"))
                        .toList();
                assertThat(temps).as("temp files left under %s", storage).isEmpty();
            }
        }
        for (Job job : jobs) {
            for (StoredAsset asset : job.assets()) {
                Path file = storage.resolve(asset.key().value());
                assertThat(file).as("asset %s of job %s", asset.key(), job.id()).exists();
                assertThat(Files.size(file)).as("size of %s", file).isEqualTo(asset.size());
                assertThat(sha256(Files.readAllBytes(file)))
                        .as("sha256 of %s", file)
                        .isEqualTo(asset.sha256());
            }
            if (job.state() == JobState.SUCCEEDED) {
                assertThat(job.asset(AssetKind.VIDEO))
                        .as("video of succeeded job %s", job.id())
                        .isPresent();
            }
        }
    }

    /** The stored bytes are exactly what the simulator serves for the render (fetched again, fresh URLs). */
    public static void assertBytesMatchSimulator(HeyGenSimulator sim, String version, List<Job> jobs) throws Exception {
        Moshi moshi = new Moshi.Builder().build();
        var adapter =
                moshi.<Map<String, Object>>adapter(Types.newParameterizedType(Map.class, String.class, Object.class));
        for (Job job : jobs) {
            if (job.state() != JobState.SUCCEEDED) continue;
            String id = job.providerRef().value();
            String url = version.equals("v3")
                    ? sim.baseUrl() + "/v3/videos/" + id
                    : sim.baseUrl() + "/v1/video_status.get?video_id=" + id;
            HttpResponse<String> status = HTTP.send(
                    HttpRequest.newBuilder(URI.create(url))
                            .header("X-Api-Key", API_KEY)
                            .timeout(Duration.ofSeconds(10))
                            .build(),
                    HttpResponse.BodyHandlers.ofString());
            assertThat(status.statusCode())
                    .as("status of %s: %s", id, status.body())
                    .isEqualTo(200);
            @SuppressWarnings("unchecked")
            Map<String, Object> data =
                    (Map<String, Object>) adapter.fromJson(status.body()).get("data");
            for (StoredAsset asset : job.assets()) {
                String field = switch (asset.kind()) {
                    case VIDEO -> "video_url";
                    case THUMBNAIL -> "thumbnail_url";
                    case CAPTIONS -> version.equals("v3") ? "subtitle_url" : "caption_url";
                    default -> null;
                };
                if (field == null || data.get(field) == null) continue;
                HttpResponse<InputStream> file = HTTP.send(
                        HttpRequest.newBuilder(URI.create((String) data.get(field)))
                                .timeout(Duration.ofSeconds(10))
                                .build(),
                        HttpResponse.BodyHandlers.ofInputStream());
                byte[] bytes;
                try (InputStream in = file.body()) {
                    bytes = in.readAllBytes();
                }
                assertThat(file.statusCode()).isEqualTo(200);
                assertThat(sha256(bytes))
                        .as("%s of job %s vs the simulator's", asset.kind(), job.id())
                        .isEqualTo(asset.sha256());
            }
        }
    }

    public static String sha256(byte[] bytes) {
        try {
            return HexFormat.of().formatHex(MessageDigest.getInstance("SHA-256").digest(bytes));
        } catch (Exception e) {
            throw new IllegalStateException(e);
        }
    }

    public static Map<JobState, Long> countByState(List<Job> jobs) {
        Map<JobState, Long> out = new java.util.TreeMap<>();
        jobs.forEach(j -> out.merge(j.state(), 1L, Long::sum));
        return out;
    }

    public static JdbcJobStore store(JobDatabase db) {
        return new JdbcJobStore(db);
    }
}
