package dev.avatarkit.http;

import static dev.avatarkit.http.JobRoutesTest.assertProblem;
import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import okhttp3.MediaType;
import okhttp3.RequestBody;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Batches (JSON rows and CSV), their idempotency and progress; plus the operational routes. */
class BatchRoutesTest {
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
    void givenJsonRows_whenPosted_then202OneJobPerRowAndTheSameRowsAgainCreateNothing() {
        String body = "{\"template\":\"tpl_welcome_name\",\"rows\":[{\"name\":\"Ada\"},{\"name\":\"Grace\"}]}";
        var first = s.post("/v1/batches", body);
        assertThat(first.status()).as(first.body()).isEqualTo(202);
        assertThat((List<?>) first.json().get("jobs")).hasSize(2);
        assertThat(((Number) first.json().get("created")).intValue()).isEqualTo(2);
        var again = s.post("/v1/batches", body);
        assertThat(again.status()).isEqualTo(200);
        assertThat(again.json().get("jobs")).isEqualTo(first.json().get("jobs"));
        var progress = s.get("/v1/batches/" + first.field("id"));
        assertThat(progress.status()).isEqualTo(200);
        assertThat(((Number) progress.json().get("total")).intValue()).isEqualTo(2);
        var listed = s.get("/v1/jobs?batch=" + first.field("id"));
        assertThat((List<?>) listed.json().get("jobs")).hasSize(2);
    }

    @Test
    void givenACsvBody_whenPosted_then202AndADryRunCreatesNothing() {
        RequestBody csv = RequestBody.create("name,title\nLin,first\nMo,second\n", MediaType.get("text/csv"));
        var dry = s.call(s.request("/v1/batches?template=tpl_welcome_name&dryRun=true")
                .post(csv)
                .build());
        assertThat(dry.status()).as(dry.body()).isEqualTo(200);
        assertThat(((Number) dry.json().get("rows")).intValue()).isEqualTo(2);
        assertThat(s.get("/v1/batches/" + dry.field("id")).status()).isEqualTo(404);
        var real = s.call(
                s.request("/v1/batches?template=tpl_welcome_name").post(csv).build());
        assertThat(real.status()).as(real.body()).isEqualTo(202);
        assertThat(real.field("id")).isEqualTo(dry.field("id"));
    }

    @Test
    void givenInvalidRows_whenPosted_then422ListingEveryRowAndNothingCreated() {
        var r = s.post(
                "/v1/batches",
                "{\"template\":\"tpl_welcome_name\",\"rows\":[{\"name\":\"ok\"},{\"name\":\"\"},{\"nme\":\"x\"}]}");
        assertProblem(r, 422, null);
        assertThat((List<?>) r.json().get("errors")).hasSizeGreaterThanOrEqualTo(2);
        assertProblem(s.post("/v1/batches", "{\"rows\":[{\"name\":\"x\"}]}"), 422, "template");
        var text = s.call(s.request("/v1/batches")
                .post(RequestBody.create("x", MediaType.get("text/plain")))
                .build());
        assertProblem(text, 415, "Content-Type");
    }

    @Test
    void givenAnIdempotencyKey_whenTheSameBatchIsPostedAgain_then200AndADifferentBodyIs409() {
        String body = "{\"template\":\"tpl_welcome_name\",\"rows\":[{\"name\":\"Key1\"}]}";
        var first = s.post("/v1/batches", body, "Idempotency-Key", "batch-7");
        assertThat(first.status()).as(first.body()).isEqualTo(202);
        var again = s.post("/v1/batches", body, "Idempotency-Key", "batch-7");
        assertThat(again.status()).isEqualTo(200);
        assertThat(again.field("id")).isEqualTo(first.field("id"));
        var other = s.post(
                "/v1/batches",
                "{\"template\":\"tpl_welcome_name\",\"rows\":[{\"name\":\"Key2\"}]}",
                "Idempotency-Key",
                "batch-7");
        assertProblem(other, 409, "Idempotency-Key");
    }

    @Test
    void givenTheServer_whenHealthReadinessAndMetricsAreAsked_thenTheyAnswerWithoutAToken() {
        var health = s.call(new okhttp3.Request.Builder().url(s.url("/healthz")).build());
        assertThat(health.status()).isEqualTo(200);
        var ready = s.call(new okhttp3.Request.Builder().url(s.url("/readyz")).build());
        assertThat(ready.status()).isEqualTo(200);
        assertThat(ready.json().get("checks")).isEqualTo(Map.of("database", "ok", "store", "ok"));
        s.get("/v1/jobs");
        String id = s.post("/v1/videos", TestServer.videoBody("counted")).field("id");
        JobRoutesTest.await(s, id); // so the adapter has made its create and status requests
        var metrics =
                s.call(new okhttp3.Request.Builder().url(s.url("/metrics")).build());
        assertThat(metrics.status()).isEqualTo(200);
        assertThat(metrics.header("Content-Type")).startsWith("text/plain");
        assertThat(metrics.body())
                .contains("avatarkit_jobs{state=\"QUEUED\"}")
                .contains("http_server_requests_seconds_count")
                .contains("route=\"/v1/jobs\"")
                .contains("avatarkit_assets_stored_bytes_total")
                .contains("jvm_memory_used_bytes")
                // the provider's requests, by route template and outcome, reach /metrics through the platform
                .contains(
                        "avatarkit_provider_requests_seconds_count{outcome=\"2xx\",provider=\"heygen\",route=\"POST v3/videos\"}");
        double jobs = metrics.body()
                .lines()
                .filter(l -> l.startsWith("avatarkit_jobs{"))
                .mapToDouble(l -> Double.parseDouble(l.substring(l.lastIndexOf(' ') + 1)))
                .sum();
        assertThat(jobs).as("jobs by state, summed").isPositive();
    }
}
