package dev.avatarkit.runtime.faults;

import static dev.avatarkit.runtime.durability.DurabilityHarness.allJobs;
import static dev.avatarkit.runtime.durability.DurabilityHarness.assertNoPartialAssets;
import static dev.avatarkit.runtime.durability.DurabilityHarness.awaitAllTerminal;
import static dev.avatarkit.runtime.durability.DurabilityHarness.countByState;
import static dev.avatarkit.runtime.durability.DurabilityHarness.options;
import static dev.avatarkit.runtime.durability.DurabilityHarness.sha256;
import static dev.avatarkit.runtime.durability.DurabilityHarness.sqliteUrl;
import static dev.avatarkit.runtime.durability.DurabilityHarness.storage;
import static org.assertj.core.api.Assertions.assertThat;

import com.squareup.moshi.Moshi;
import com.squareup.moshi.Types;
import dev.avatarkit.core.domain.AssetKind;
import dev.avatarkit.core.domain.Character;
import dev.avatarkit.core.domain.Job;
import dev.avatarkit.core.domain.JobState;
import dev.avatarkit.core.domain.Scene;
import dev.avatarkit.core.domain.StoredAsset;
import dev.avatarkit.core.domain.VideoSpec;
import dev.avatarkit.core.domain.Voice;
import dev.avatarkit.core.usecase.CreateJob;
import dev.avatarkit.didsim.DidSimulator;
import dev.avatarkit.didsim.FaultKind;
import dev.avatarkit.didsim.FaultRule;
import dev.avatarkit.runtime.ConfigLoader;
import dev.avatarkit.runtime.Platform;
import java.io.InputStream;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Path;
import java.time.Duration;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.api.parallel.Execution;
import org.junit.jupiter.api.parallel.ExecutionMode;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * Issue 15: the fault matrix of {@link FaultMatrix} on D-ID. Photo (talk) jobs through the real Platform (SQLite,
 * db-scheduler, the D-ID plugin found by ServiceLoader, local store) against a {@link DidSimulator} on loopback, with
 * AVATARKIT_PROVIDER=d-id. D-ID has no idempotency key: the adapter marks each talk with the job's key in
 * {@code user_data}, so "one create per job" is counted per {@code user_data} at the simulator.
 *
 * <p>For every fault: 0 duplicate creates (creates per user_data ≤ 1, and the simulator's duplicate counter at 0),
 * 0 lost jobs (all terminal), 0 partial assets (no temp file, every stored file's size and sha256 as recorded and
 * equal to what the simulator serves).
 *
 * <p>Each case has its own simulator, platform, database and directory, so the cases run side by side, as in
 * {@link FaultMatrix}.
 */
@Execution(ExecutionMode.CONCURRENT)
class DidFaultMatrixIT {
    static final int JOBS = 4;
    static final String CREATE = "POST /talks";
    static final String STATUS = "GET /talks/{id}";
    static final String FILES = "GET /_sim/s3/{*key}";
    static final String IMAGE = "https://assets.example.com/identities/ava/face.jpg";
    static final String VOICE = "en-US-JennyNeural";
    private static final HttpClient HTTP =
            HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(5)).build();

    enum Expect {
        /** Every job SUCCEEDED with exactly one create. */
        SUCCEEDED,
        /** A job whose talk exists SUCCEEDED; a job with no talk ended NEEDS_ATTENTION (never resent blindly). */
        BY_CREATES,
        /** Nothing was created: every job NEEDS_ATTENTION and exactly one POST per job (no second POST). */
        NEEDS_ATTENTION,
        /** The render ended {@code rejected} (moderation after acceptance): every job REJECTED, code content_rejected. */
        REJECTED,
        /** D-ID's 451 at create (moderation before anything is created): REJECTED, content_rejected, nothing created. */
        REJECTED_AT_CREATE,
        /** The render ended {@code error}: every job FAILED. */
        FAILED
    }

    record Fault(String name, List<FaultRule> rules, Expect expect) {
        @Override
        public String toString() {
            return name;
        }
    }

    static DidSimulator startSimulator() {
        return DidSimulator.builder()
                .port(0)
                .renderTime(Duration.ofMillis(200))
                .build()
                .start();
    }

    static List<Fault> faults() {
        return List.of(
                new Fault(
                        "429 on create",
                        List.of(FaultRule.on(CREATE, FaultKind.RATE_LIMIT)
                                .retryAfterSeconds(1)
                                .next(1)),
                        Expect.SUCCEEDED),
                new Fault(
                        "429 on status",
                        List.of(FaultRule.on(STATUS, FaultKind.RATE_LIMIT)
                                .retryAfterSeconds(1)
                                .next(1)),
                        Expect.SUCCEEDED),
                new Fault("500+502+503 on create", fiveHundreds(CREATE), Expect.BY_CREATES),
                new Fault("500+502+503 on status", fiveHundreds(STATUS), Expect.SUCCEEDED),
                new Fault(
                        "504 after commit on create",
                        List.of(FaultRule.on(CREATE, FaultKind.GATEWAY_TIMEOUT_AFTER_COMMIT)
                                .next(2)),
                        Expect.SUCCEEDED),
                new Fault(
                        "504 before commit on create",
                        List.of(FaultRule.on(CREATE, FaultKind.GATEWAY_TIMEOUT).next(JOBS)),
                        Expect.NEEDS_ATTENTION),
                new Fault(
                        "RESET on create",
                        List.of(FaultRule.on(CREATE, FaultKind.RESET).next(2)),
                        Expect.BY_CREATES),
                new Fault(
                        "RESET on status",
                        List.of(FaultRule.on(STATUS, FaultKind.RESET).next(2)),
                        Expect.SUCCEEDED),
                new Fault(
                        "SLOW create (answered)",
                        List.of(FaultRule.on(CREATE, FaultKind.SLOW)
                                .delayMs(500)
                                .next(2)),
                        Expect.SUCCEEDED),
                new Fault(
                        "MALFORMED_JSON 2xx on create (ambiguous)",
                        List.of(FaultRule.on(CREATE, FaultKind.MALFORMED_JSON).next(2)),
                        Expect.SUCCEEDED),
                new Fault(
                        "MALFORMED_JSON 2xx on status",
                        List.of(FaultRule.on(STATUS, FaultKind.MALFORMED_JSON).next(2)),
                        Expect.SUCCEEDED),
                new Fault(
                        "EXPIRED_URL on download",
                        List.of(FaultRule.on(FILES, FaultKind.EXPIRED_URL).next(2)),
                        Expect.SUCCEEDED),
                new Fault(
                        "MODERATION 451 on create",
                        List.of(FaultRule.on(CREATE, FaultKind.MODERATION).next(JOBS)),
                        Expect.REJECTED_AT_CREATE),
                new Fault(
                        "render ends rejected",
                        List.of(FaultRule.on(CREATE, FaultKind.REJECT_RENDER).next(JOBS)),
                        Expect.REJECTED),
                new Fault(
                        "render ends error",
                        List.of(FaultRule.on(CREATE, FaultKind.FAIL_RENDER).next(JOBS)),
                        Expect.FAILED));
    }

    /**
     * A 500, then a 502, then a 503 on three calls in a row: every matching rule counts each call and the first rule
     * that fires answers it, so next(1)/next(2)/next(3) answer calls 1, 2 and 3 with 500, 502 and 503.
     */
    static List<FaultRule> fiveHundreds(String route) {
        return List.of(
                FaultRule.on(route, FaultKind.SERVER_ERROR).status(500).next(1),
                FaultRule.on(route, FaultKind.SERVER_ERROR).status(502).next(2),
                FaultRule.on(route, FaultKind.SERVER_ERROR).status(503).next(3));
    }

    static VideoSpec photoTalk(int i) {
        Scene scene =
                new Scene(new Character.Image(IMAGE), Voice.Text.of("D-ID fault matrix job number " + i, VOICE), null);
        return new VideoSpec(List.of(scene), null, null, null, false, null, false);
    }

    static Map<String, String> env(DidSimulator sim, Path dir) {
        Map<String, String> env = new HashMap<>();
        env.put("AVATARKIT_PROVIDER", "d-id");
        env.put("DID_BASE_URL", sim.baseUrl());
        env.put("DID_API_KEY", sim.apiKey());
        env.put("DID_MAX_CONCURRENCY", "4");
        env.put("AVATARKIT_HOME", dir.resolve("home").toString());
        env.put("AVATARKIT_STORAGE_DIR", storage(dir).toString());
        env.put("AVATARKIT_DB_URL", sqliteUrl(dir));
        return env;
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("faults")
    void givenAFault_whenPhotoTalksRunOnDid_thenEveryJobEndsRightWithNoDuplicateNoLossNoPartialAsset(
            Fault fault, @TempDir Path dir) throws Exception {
        try (DidSimulator sim = startSimulator()) {
            runPhotoTalks(fault, dir, sim);
        }
    }

    private static void runPhotoTalks(Fault fault, Path dir, DidSimulator sim) throws Exception {
        fault.rules().forEach(sim.faults()::add);
        long started = System.nanoTime();
        List<Job> done;
        try (Platform platform =
                new Platform(ConfigLoader.load(Map.of(), env(sim, dir), null), options(4, "did-fault-matrix"))) {
            platform.startWorkers();
            CreateJob create = platform.createJob();
            for (int i = 0; i < JOBS; i++) create.create(CreateJob.Command.of(photoTalk(i)));
            done = awaitAllTerminal(platform.jobs(), JOBS, Duration.ofSeconds(30));
            assertThat(allJobs(platform.jobs())).hasSize(JOBS);
        }
        long fired = fault.rules().stream()
                .map(FaultRule::kind)
                .distinct()
                .mapToLong(sim.stats()::faultsFired)
                .sum();
        assertThat(fired).as("the fault was injected").isPositive();
        assertThat(done)
                .allSatisfy(j ->
                        assertThat(j.provider()).as("provider of %s", j.id()).startsWith("d-id"));

        for (Job job : done) {
            long creates = sim.stats().createsFor(job.providerKey().value());
            assertThat(creates)
                    .as("creates for job %s (%s)", job.id(), job.state())
                    .isLessThanOrEqualTo(1);
            String why = "job " + job.id() + " (creates " + creates + ", error " + job.error() + ")";
            switch (fault.expect()) {
                case SUCCEEDED -> {
                    assertThat(job.state()).as(why).isEqualTo(JobState.SUCCEEDED);
                    assertThat(creates).as(why).isEqualTo(1);
                }
                case BY_CREATES ->
                    assertThat(job.state())
                            .as(why)
                            .isEqualTo(creates == 1 ? JobState.SUCCEEDED : JobState.NEEDS_ATTENTION);
                case NEEDS_ATTENTION -> {
                    assertThat(job.state()).as(why).isEqualTo(JobState.NEEDS_ATTENTION);
                    assertThat(creates).as(why).isZero();
                }
                case REJECTED -> {
                    assertThat(job.state()).as(why).isEqualTo(JobState.REJECTED);
                    assertThat(job.error().code()).as(why).isEqualTo("content_rejected");
                }
                case REJECTED_AT_CREATE -> {
                    assertThat(job.state()).as(why).isEqualTo(JobState.REJECTED);
                    assertThat(job.error().code()).as(why).isEqualTo("content_rejected");
                    assertThat(creates).as(why).isZero();
                }
                case FAILED -> {
                    assertThat(job.state()).as(why).isEqualTo(JobState.FAILED);
                    assertThat(creates).as(why).isEqualTo(1);
                }
            }
        }
        if (fault.expect() == Expect.NEEDS_ATTENTION) {
            assertThat(sim.stats().requests(CREATE))
                    .as("POSTs to /talks: one per job, never a second")
                    .isEqualTo(JOBS);
        }
        assertThat(sim.stats().duplicateCreates()).as("duplicate creates").isZero();
        assertThat(sim.stats().schemaViolations())
                .as("requests breaking D-ID's schema")
                .isZero();
        assertNoPartialAssets(storage(dir), done);
        assertBytesMatchSimulator(sim, done);
        System.out.printf(
                "d-id fault %s: final %s, fired %d, creates %d, POST /talks %d, %d ms%n",
                fault,
                countByState(done),
                fired,
                sim.stats().creates(),
                sim.stats().requests(CREATE),
                (System.nanoTime() - started) / 1_000_000);
    }

    /** Every stored video is byte for byte what the simulator serves for the talk (read again, freshly signed). */
    static void assertBytesMatchSimulator(DidSimulator sim, List<Job> jobs) throws Exception {
        var json = new Moshi.Builder()
                .build()
                .<Map<String, Object>>adapter(Types.newParameterizedType(Map.class, String.class, Object.class));
        for (Job job : jobs) {
            if (job.state() != JobState.SUCCEEDED) continue;
            String ref = job.providerRef().value();
            String talk = ref.substring(ref.indexOf(':') + 1);
            HttpResponse<String> status = HTTP.send(
                    HttpRequest.newBuilder(URI.create(sim.baseUrl() + "/talks/" + talk))
                            .header("Authorization", "Basic " + sim.apiKey())
                            .timeout(Duration.ofSeconds(10))
                            .build(),
                    HttpResponse.BodyHandlers.ofString());
            assertThat(status.statusCode())
                    .as("talk %s: %s", talk, status.body())
                    .isEqualTo(200);
            Object resultUrl = json.fromJson(status.body()).get("result_url");
            assertThat(resultUrl).as("result_url of %s", talk).isInstanceOf(String.class);
            StoredAsset video = job.asset(AssetKind.VIDEO).orElseThrow();
            HttpResponse<InputStream> file = HTTP.send(
                    HttpRequest.newBuilder(URI.create((String) resultUrl))
                            .timeout(Duration.ofSeconds(10))
                            .build(),
                    HttpResponse.BodyHandlers.ofInputStream());
            byte[] bytes;
            try (InputStream in = file.body()) {
                bytes = in.readAllBytes();
            }
            assertThat(file.statusCode()).isEqualTo(200);
            assertThat(sha256(bytes))
                    .as("video of job %s vs the simulator's", job.id())
                    .isEqualTo(video.sha256());
        }
    }
}
