package dev.avatarkit.http;

import static dev.avatarkit.http.JobRoutesTest.assertProblem;
import static org.assertj.core.api.Assertions.assertThat;

import dev.avatarkit.core.engine.EnginePolicy;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import okhttp3.MediaType;
import okhttp3.RequestBody;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** {@code POST /v1/batches} with {@code kind=video}: plain avatar videos, the CLI's {@code video batch --csv} rows. */
class VideoBatchRoutesTest {
    static final String HEADER = "id,avatar_id,voice_id,script,title\n";

    @TempDir
    static Path dir;

    static TestServer s;

    @BeforeAll
    static void start() {
        s = TestServer.sandbox(dir);
    }

    @AfterAll
    static void stop() {
        if (s != null) s.close();
    }

    @Test
    void givenValidCsvRows_whenPosted_then202EveryJobSucceedsAndTheSameRowsAgainAreTheSameJobs() {
        String csv = HEADER + row("v1", "First video") + row("v2", "Second video") + row("v3", "Third video");
        var first = csv(s, "/v1/batches?kind=video", csv);
        assertThat(first.status()).as(first.body()).isEqualTo(202);
        assertThat(first.field("kind")).isEqualTo("video");
        assertThat(first.json().get("template")).isNull();
        assertThat(((Number) first.json().get("created")).intValue()).isEqualTo(3);
        List<?> jobs = (List<?>) first.json().get("jobs");
        assertThat(jobs).hasSize(3);
        for (Object id : jobs) {
            var job = JobRoutesTest.await(s, (String) id);
            assertThat(job.field("kind")).isEqualTo("VIDEO");
            assertThat(job.field("batch")).isEqualTo(first.field("id"));
        }
        var progress = s.get("/v1/batches/" + first.field("id"));
        assertThat(progress.json().get("finished")).isEqualTo(true);
        assertThat(progress.json().get("states")).isEqualTo(Map.of("SUCCEEDED", 3.0));

        var again = csv(s, "/v1/batches?kind=video", csv);
        assertThat(again.status()).as(again.body()).isEqualTo(200);
        assertThat(again.json().get("jobs")).isEqualTo(jobs);
        assertThat(((Number) again.json().get("created")).intValue()).isZero();
    }

    @Test
    void givenTheSameRowsAsJson_whenPostedAfterTheCsv_thenTheyAreTheSameBatchAndJobs() {
        String csv = HEADER + row("j1", "Json twin one") + row("j2", "Json twin two");
        var fromCsv = csv(s, "/v1/batches?kind=video", csv);
        assertThat(fromCsv.status()).as(fromCsv.body()).isEqualTo(202);
        var fromJson = s.post(
                "/v1/batches",
                "{\"kind\":\"video\",\"rows\":[" + jsonRow("j1", "Json twin one") + "," + jsonRow("j2", "Json twin two")
                        + "]}");
        assertThat(fromJson.status()).as(fromJson.body()).isEqualTo(200);
        assertThat(fromJson.field("id")).isEqualTo(fromCsv.field("id"));
        assertThat(fromJson.json().get("jobs")).isEqualTo(fromCsv.json().get("jobs"));
    }

    @Test
    void givenBadRows_whenPosted_then422NamingEachLineAndNothingIsCreated_unlessSkipInvalid() {
        String csv = HEADER + row("b1", "fine")
                + "b2,,2d5b0e6cf36f460aa7fc47e3eee4ba54,no avatar,t\n"
                + "b3,Daisy-inskirt-20220818,,no voice,t\n"
                + row("b4", "also fine");
        var dry = csv(s, "/v1/batches?kind=video&dryRun=true", csv);
        var r = csv(s, "/v1/batches?kind=video", csv);
        assertProblem(r, 422, "avatar_id");
        assertThat(lines(r)).containsExactly(3, 4);
        assertThat(r.body()).contains("line 3").contains("line 4");
        assertThat(s.get("/v1/batches/" + dry.field("id")).status())
                .as("nothing created")
                .isEqualTo(404);
        assertThat((List<?>) s.get("/v1/jobs?batch=" + dry.field("id")).json().get("jobs"))
                .isEmpty();

        var skipping = csv(s, "/v1/batches?kind=video&skipInvalid=true", csv);
        assertThat(skipping.status()).as(skipping.body()).isEqualTo(202);
        assertThat(((Number) skipping.json().get("created")).intValue()).isEqualTo(2);
        assertThat(((Number) skipping.json().get("skipped")).intValue()).isEqualTo(2);
    }

    @Test
    void givenAScriptFileColumn_whenPosted_then422SayingTheServerReadsNoPaths() {
        var r = csv(
                s,
                "/v1/batches?kind=video",
                "avatar_id,voice_id,script_file\nDaisy-inskirt-20220818,2d5b0e6cf36f460aa7fc47e3eee4ba54,/etc/passwd\n");
        assertProblem(r, 422, "script_file");
        assertThat(lines(r)).containsExactly(2);
        assertThat(r.body())
                .contains("not accepted over HTTP")
                .contains("'script' column")
                .doesNotContain("root:");
    }

    @Test
    void givenARowTheDialectCannotRender_whenPosted_then422ForItsLineBeforeAnyJobExists() {
        var r = csv(
                s,
                "/v1/batches?kind=video",
                "avatar_id,voice_id,script,background\n"
                        + "Daisy-inskirt-20220818,2d5b0e6cf36f460aa7fc47e3eee4ba54,hi,#ffffff\n"
                        + "Daisy-inskirt-20220818,2d5b0e6cf36f460aa7fc47e3eee4ba54,hi,video:https://example.com/loop.mp4\n");
        assertProblem(r, 422, "background");
        assertThat(r.json()).as(r.body()).containsKey("errors");
        assertThat(lines(r)).containsExactly(3);
    }

    @Test
    void givenADryRun_thenTheCreditsEstimateAndNothingCreated() {
        var dry = s.post(
                "/v1/batches",
                "{\"kind\":\"video\",\"dryRun\":true,\"rows\":[" + jsonRow("d1", "x".repeat(1000)) + "]}");
        assertThat(dry.status()).as(dry.body()).isEqualTo(200);
        assertThat(dry.json().get("dryRun")).isEqualTo(true);
        assertThat(dry.field("kind")).isEqualTo("video");
        assertThat(((Number) dry.json().get("rows")).intValue()).isEqualTo(1);
        assertThat(((Number) dry.json().get("estimatedCredits")).intValue())
                .as("1,000 chars ≈ 67 s = 2 credits (a credit is a minute)")
                .isEqualTo(2);
        assertThat(s.get("/v1/batches/" + dry.field("id")).status()).isEqualTo(404);
    }

    @Test
    void givenAnIdempotencyKey_whenTheSameVideoBatchIsPostedAgain_then200AndADifferentBodyIs409() {
        String body = "{\"kind\":\"video\",\"rows\":[" + jsonRow("k1", "keyed") + "]}";
        var first = s.post("/v1/batches", body, "Idempotency-Key", "video-batch-1");
        assertThat(first.status()).as(first.body()).isEqualTo(202);
        var again = s.post("/v1/batches", body, "Idempotency-Key", "video-batch-1");
        assertThat(again.status()).isEqualTo(200);
        assertThat(again.json().get("jobs")).isEqualTo(first.json().get("jobs"));
        var other = s.post(
                "/v1/batches",
                "{\"kind\":\"video\",\"rows\":[" + jsonRow("k1", "changed") + "]}",
                "Idempotency-Key",
                "video-batch-1");
        assertProblem(other, 409, "Idempotency-Key");
    }

    @Test
    void givenKindAndTemplateThatDisagree_then422NamingTheField() {
        assertProblem(
                s.post(
                        "/v1/batches",
                        "{\"kind\":\"video\",\"template\":\"tpl_welcome_name\",\"rows\":[{\"name\":\"x\"}]}"),
                422,
                "template");
        assertProblem(s.post("/v1/batches", "{\"kind\":\"avatar\",\"rows\":[{\"name\":\"x\"}]}"), 422, "kind");
        var noTemplate = s.post("/v1/batches", "{\"rows\":[" + jsonRow("t1", "no kind") + "]}");
        assertProblem(noTemplate, 422, "template");
        assertThat(noTemplate.body())
                .as("points template-less posts at kind=video")
                .contains("kind=video");
    }

    @Test
    void givenATokenNearItsQueueLimit_whenAVideoBatchWouldPassIt_then429AndNothingCreated(@TempDir Path other) {
        // first poll after 3 s: the first batch's jobs still hold their slots when the second batch arrives
        EnginePolicy slowPolls = EnginePolicy.defaults(3).withPolling(Duration.ofSeconds(3), Duration.ofSeconds(3));
        try (TestServer limited = TestServer.start(
                other,
                Map.of("AVATARKIT_SANDBOX", "1"),
                0,
                slowPolls,
                HttpLimits.defaults().withQueue(3, 100))) {
            var first = csv(limited, "/v1/batches?kind=video", HEADER + row("q1", "one") + row("q2", "two"));
            assertThat(first.status()).as(first.body()).isEqualTo(202);
            String second = HEADER + row("q3", "three") + row("q4", "four");
            var dry = csv(limited, "/v1/batches?kind=video&dryRun=true", second);
            var refused = csv(limited, "/v1/batches?kind=video", second);
            assertProblem(refused, 429, null);
            assertThat(refused.header("Retry-After")).isNotBlank();
            assertThat(limited.get("/v1/batches/" + dry.field("id")).status())
                    .as("nothing created")
                    .isEqualTo(404);
            var tooBig = csv(
                    limited,
                    "/v1/batches?kind=video",
                    HEADER + row("r1", "1") + row("r2", "2") + row("r3", "3") + row("r4", "4"));
            assertProblem(tooBig, 422, "rows");
            for (Object id : (List<?>) first.json().get("jobs")) JobRoutesTest.await(limited, (String) id);
            assertThat(csv(limited, "/v1/batches?kind=video", second).status())
                    .as("admitted once the queue drained")
                    .isEqualTo(202);
        }
    }

    private static String row(String id, String script) {
        return id + "," + TestServer.AVATAR + "," + TestServer.VOICE + "," + script + "," + id + "\n";
    }

    private static String jsonRow(String id, String script) {
        return "{\"id\":\"" + id + "\",\"avatar_id\":\"" + TestServer.AVATAR + "\",\"voice_id\":\"" + TestServer.VOICE
                + "\",\"script\":\"" + script + "\",\"title\":\"" + id + "\"}";
    }

    private static TestServer.Result csv(TestServer server, String path, String csv) {
        return server.call(server.request(path)
                .post(RequestBody.create(csv, MediaType.get("text/csv")))
                .build());
    }

    private static List<Integer> lines(TestServer.Result problem) {
        return ((List<?>) problem.json().get("errors"))
                .stream()
                        .map(e -> ((Number) ((Map<?, ?>) e).get("line")).intValue())
                        .toList();
    }
}
