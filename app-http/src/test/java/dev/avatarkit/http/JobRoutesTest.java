package dev.avatarkit.http;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import okhttp3.MediaType;
import okhttp3.RequestBody;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Every job route over real HTTP against the sandbox: create, idempotency, validation problems, read, list, cancel, retry, assets. */
class JobRoutesTest {
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
    void givenAValidShortcutBody_whenPostedToVideos_then202WithTheJobDocumentAndLocation() {
        var r = s.post("/v1/videos", TestServer.videoBody("Hello"));
        assertThat(r.status()).isEqualTo(202);
        assertThat(r.header("Content-Type")).startsWith("application/json");
        assertThat(r.json())
                .containsKeys(
                        "id",
                        "kind",
                        "state",
                        "provider",
                        "providerRef",
                        "createdAt",
                        "updatedAt",
                        "attempts",
                        "assets",
                        "error");
        assertThat(r.field("kind")).isEqualTo("VIDEO");
        assertThat(r.header("Location")).isEqualTo("/v1/jobs/" + r.field("id"));
        assertThat(s.get("/v1/jobs/" + r.field("id")).field("id")).isEqualTo(r.field("id"));
    }

    @Test
    void givenTheSameIdempotencyKeyAndBody_whenPostedTwice_thenTheSameJobComesBackWith200() {
        var first = s.post("/v1/videos", TestServer.videoBody("Once"), "Idempotency-Key", "order-42");
        var again = s.post("/v1/videos", TestServer.videoBody("Once"), "Idempotency-Key", "order-42");
        assertThat(first.status()).isEqualTo(202);
        assertThat(again.status()).isEqualTo(200);
        assertThat(again.field("id")).isEqualTo(first.field("id"));
    }

    @Test
    void givenAReusedIdempotencyKey_whenTheBodyDiffers_then409NamingTheHeader() {
        s.post("/v1/videos", TestServer.videoBody("One"), "Idempotency-Key", "order-43");
        var conflict = s.post("/v1/videos", TestServer.videoBody("Two"), "Idempotency-Key", "order-43");
        assertThat(conflict.status()).isEqualTo(409);
        assertThat(conflict.header("Content-Type")).startsWith("application/problem+json");
        assertThat(conflict.field("field")).isEqualTo("Idempotency-Key");
    }

    @Test
    void givenNoIdempotencyKey_whenTheSameBodyIsPostedTwice_thenTwoJobs() {
        var a = s.post("/v1/videos", TestServer.videoBody("Twice"));
        var b = s.post("/v1/videos", TestServer.videoBody("Twice"));
        assertThat(a.status()).isEqualTo(202);
        assertThat(b.status()).isEqualTo(202);
        assertThat(a.field("id")).isNotEqualTo(b.field("id"));
    }

    @Test
    void givenInvalidBodies_whenPosted_thenProblemsNameTheField() {
        assertProblem(s.post("/v1/videos", "{\"avatar\":\"a\",\"voice\":\"v\"}"), 422, "text");
        assertProblem(
                s.post("/v1/videos", "{\"avatar\":\"a\",\"voice\":\"v\",\"text\":\"hi\",\"aspect\":\"3:2\"}"),
                422,
                "aspect");
        assertProblem(s.post("/v1/videos", "{\"avatr\":\"a\"}"), 422, "avatr");
        assertProblem(
                s.post(
                        "/v1/videos",
                        "{\"scenes\":[{\"avatar\":\"a\",\"voice\":\"v\",\"text\":\"ok\"},"
                                + "{\"avatar\":\"a\",\"text\":\"no voice\"}]}"),
                422,
                "scenes[2].voice");
        assertProblem(
                s.post("/v1/videos", "{\"avatar\":\"a\",\"voice\":\"v\",\"text\":\"hi\",\"dimension\":\"1921x1080\"}"),
                422,
                "dimension.width");
        assertProblem(s.post("/v1/videos", "{not json"), 400, "body");
        assertProblem(s.post("/v1/videos", "[1,2]"), 400, "body");
        var problem = s.post("/v1/videos", "{\"avatar\":\"a\",\"voice\":\"v\"}").json();
        assertThat(problem).containsKeys("type", "title", "status", "detail", "field");
    }

    @Test
    void givenAScenesBody_whenPosted_thenOneJobWithEveryScene() {
        var r = s.post(
                "/v1/videos",
                "{\"scenes\":[{\"avatar\":\"" + TestServer.AVATAR + "\",\"voice\":\"" + TestServer.VOICE
                        + "\",\"text\":\"one\",\"background\":\"#112233\"},{\"avatar\":\"" + TestServer.AVATAR
                        + "\",\"voice\":\"" + TestServer.VOICE
                        + "\",\"text\":\"two\"}],\"aspect\":\"9:16\",\"title\":\"two scenes\"}");
        assertThat(r.status()).as(r.body()).isEqualTo(202);
        assertThat(r.field("title")).isEqualTo("two scenes");
    }

    @Test
    void givenWrongContentTypeMethodOrPath_thenJsonProblems() {
        var text = s.call(s.request("/v1/videos")
                .post(RequestBody.create("hi", MediaType.get("text/plain")))
                .build());
        assertProblem(text, 415, "Content-Type");
        var missing = s.get("/v1/nothing-here");
        assertThat(missing.status()).isEqualTo(404);
        assertThat(missing.header("Content-Type")).startsWith("application/problem+json");
        var method = s.call(s.request("/v1/jobs")
                .put(RequestBody.create("{}", TestServer.JSON))
                .build());
        assertThat(method.status()).isEqualTo(405);
        assertThat(method.header("Content-Type")).startsWith("application/problem+json");
        assertProblem(s.get("/v1/jobs/not-a-ulid"), 404, "id");
        assertProblem(s.get("/v1/jobs/01ARZ3NDEKTSV4RRFFQ69G5FAV"), 404, "id");
    }

    @Test
    void givenABodyOverOneMebibyte_whenPosted_then413() {
        String big = "{\"avatar\":\"a\",\"voice\":\"v\",\"text\":\"" + "x".repeat(1_100_000) + "\"}";
        assertThat(s.post("/v1/videos", big).status()).isEqualTo(413);
    }

    @Test
    void givenJobs_whenListedWithFiltersAndALimit_thenNewestFirstWithACursor() {
        for (int i = 0; i < 3; i++) s.post("/v1/videos", TestServer.videoBody("list " + i));
        var page = s.get("/v1/jobs?kind=VIDEO&limit=2");
        assertThat(page.status()).isEqualTo(200);
        assertThat((List<?>) page.json().get("jobs")).hasSize(2);
        assertThat(page.field("next")).isNotNull();
        var next = s.get("/v1/jobs?kind=VIDEO&limit=2&cursor=" + page.field("next"));
        assertThat((List<?>) next.json().get("jobs")).isNotEmpty();
        assertProblem(s.get("/v1/jobs?state=DONE"), 422, "state");
        assertProblem(s.get("/v1/jobs?limit=0"), 422, "limit");
    }

    @Test
    void givenANonAsciiTitle_whenTheJobIsReadTwice_thenEachAnswerIsJsonWithItsUtf8LengthAndIsTimedByRoute() {
        String title = "Grüße aus 東京";
        String body = "{\"avatar\":\"" + TestServer.AVATAR + "\",\"voice\":\"" + TestServer.VOICE
                + "\",\"text\":\"Hello\",\"title\":\"" + title + "\"}";
        String id = s.post("/v1/videos", body).field("id");

        for (int read = 1; read <= 2; read++) { // the second is served from the read cache
            var r = s.get("/v1/jobs/" + id);
            assertThat(r.status()).isEqualTo(200);
            assertThat(r.header("Content-Type")).startsWith("application/json");
            assertThat(r.field("title")).isEqualTo(title);
            assertThat(Integer.parseInt(r.header("Content-Length")))
                    .isEqualTo(r.body().getBytes(java.nio.charset.StandardCharsets.UTF_8).length);
        }
        var metrics =
                s.call(new okhttp3.Request.Builder().url(s.url("/metrics")).build());
        assertThat(metrics.body())
                .contains("http_server_requests_seconds_count{method=\"GET\",route=\"/v1/jobs/{id}\",status=\"200\"}");
    }

    @Test
    void givenAQueuedJob_whenDeletedThenRetried_thenCanceledThenQueuedAgain() {
        String id = s.post(
                        "/v1/videos",
                        "{\"avatar\":\"" + TestServer.AVATAR + "\",\"voice\":\"" + TestServer.VOICE
                                + "\",\"text\":\"cancel me\",\"title\":\"cancel\"}")
                .field("id");
        var canceled = s.call(s.request("/v1/jobs/" + id).delete().build());
        if (canceled.status() == 200) {
            assertThat(canceled.field("state")).isEqualTo("CANCELED");
            var retried = s.post("/v1/jobs/" + id + "/retry", "");
            assertThat(retried.status()).as(retried.body()).isEqualTo(202);
            assertThat(retried.field("state")).isIn("QUEUED", "SUBMITTING", "RENDERING", "DOWNLOADING", "SUCCEEDED");
        } else {
            assertProblem(canceled, 409, null); // it raced to DOWNLOADING/SUCCEEDED first
        }
        var succeeded = await(s.post("/v1/videos", TestServer.videoBody("done")).field("id"));
        assertProblem(s.post("/v1/jobs/" + succeeded.field("id") + "/retry", ""), 409, null);
    }

    @Test
    void givenASucceededJob_whenItsVideoIsDownloaded_thenBytesAndRangesAreServed() {
        var done =
                await(s.post("/v1/videos", TestServer.videoBody("download me")).field("id"));
        String id = done.field("id");
        var full = s.get("/v1/jobs/" + id + "/assets/video");
        assertThat(full.status()).isEqualTo(200);
        assertThat(full.header("Content-Type")).isEqualTo("video/mp4");
        assertThat(full.header("Accept-Ranges")).isEqualTo("bytes");
        int size = Integer.parseInt(full.header("Content-Length"));
        var part = s.call(s.request("/v1/jobs/" + id + "/assets/video")
                .header("Range", "bytes=4-11")
                .build());
        assertThat(part.status()).isEqualTo(206);
        assertThat(part.header("Content-Range")).isEqualTo("bytes 4-11/" + size);
        assertThat(part.body()).hasSize(8).startsWith("ftyp");
        var tail = s.call(s.request("/v1/jobs/" + id + "/assets/video")
                .header("Range", "bytes=-10")
                .build());
        assertThat(tail.header("Content-Range")).isEqualTo("bytes " + (size - 10) + "-" + (size - 1) + "/" + size);
        var beyond = s.call(s.request("/v1/jobs/" + id + "/assets/video")
                .header("Range", "bytes=" + size + "-")
                .build());
        assertThat(beyond.status()).isEqualTo(416);
        assertThat(beyond.header("Content-Range")).isEqualTo("bytes */" + size);
        assertProblem(s.get("/v1/jobs/" + id + "/assets/gif"), 404, "kind");
        assertProblem(s.get("/v1/jobs/" + id + "/assets/sound"), 422, "kind");
    }

    @Test
    void givenATemplate_whenAVideoIsPostedWithItsVariables_then202AndAnUnknownVariableIs422() {
        var ok = s.post(
                "/v1/templates/tpl_welcome_name/videos",
                "{\"variables\":{\"name\":\"Ada\"},\"title\":\"welcome\"}",
                "Idempotency-Key",
                "tpl-1");
        assertThat(ok.status()).as(ok.body()).isEqualTo(202);
        assertThat(ok.field("kind")).isEqualTo("TEMPLATE_VIDEO");
        assertThat(s.post(
                                "/v1/templates/tpl_welcome_name/videos",
                                "{\"variables\":{\"name\":\"Ada\"},\"title\":\"welcome\"}",
                                "Idempotency-Key",
                                "tpl-1")
                        .status())
                .isEqualTo(200);
        assertProblem(
                s.post("/v1/templates/tpl_welcome_name/videos", "{\"variables\":{\"nam\":\"Ada\"}}"),
                422,
                "variables.nam");
        assertProblem(s.post("/v1/templates/tpl_welcome_name/videos", "{\"variables\":{}}"), 422, "variables.name");
        assertThat(s.post("/v1/templates/no_such_template/videos", "{\"variables\":{}}")
                        .status())
                .isEqualTo(404);
    }

    @Test
    void givenAnInfluencer_whenPosted_then202IdentityJobThatSucceedsAndItsStillsFollow() {
        String body =
                "{\"name\":\"Mia\",\"prompt\":\"woman in her twenties, short black bob\",\"style\":\"Realistic\",\"stills\":2}";
        var created = s.post("/v1/influencers", body, "Idempotency-Key", "mia-1");
        assertThat(created.status()).as(created.body()).isEqualTo(202);
        assertThat(created.field("kind")).isEqualTo("IDENTITY");
        assertThat(s.post("/v1/influencers", body, "Idempotency-Key", "mia-1").field("id"))
                .isEqualTo(created.field("id"));
        assertProblem(
                s.post("/v1/influencers", "{\"name\":\"Mia\",\"prompt\":\"p\",\"references\":[\"/etc/passwd\"]}"),
                422,
                "references[1]");
        assertProblem(s.post("/v1/influencers", "{\"name\":\"Mia\",\"prompt\":\"\"}"), 422, "prompt");
        await(created.field("id"));
        Instant deadline = Instant.now().plusSeconds(60);
        while (((List<?>) s.get("/v1/jobs?kind=STILL").json().get("jobs")).size() < 2
                && Instant.now().isBefore(deadline)) {
            sleep(200);
        }
        assertThat((List<?>) s.get("/v1/jobs?kind=STILL").json().get("jobs")).hasSize(2);
    }

    private static void sleep(long millis) {
        try {
            Thread.sleep(millis);
        } catch (InterruptedException e) {
            throw new AssertionError(e);
        }
    }

    static TestServer.Result await(String id) {
        return await(s, id);
    }

    static TestServer.Result await(TestServer s, String id) {
        Instant deadline = Instant.now().plus(Duration.ofSeconds(60));
        while (true) {
            var r = s.get("/v1/jobs/" + id);
            String state = r.field("state");
            if (List.of("SUCCEEDED", "FAILED", "REJECTED", "CANCELED", "NEEDS_ATTENTION")
                    .contains(state)) {
                assertThat(state).as(r.body()).isEqualTo("SUCCEEDED");
                return r;
            }
            if (Instant.now().isAfter(deadline)) throw new AssertionError("job " + id + " still " + state);
            try {
                Thread.sleep(100);
            } catch (InterruptedException e) {
                throw new AssertionError(e);
            }
        }
    }

    static void assertProblem(TestServer.Result r, int status, String field) {
        assertThat(r.status()).as(r.body()).isEqualTo(status);
        assertThat(r.header("Content-Type")).startsWith("application/problem+json");
        Map<String, Object> json = r.json();
        assertThat(((Number) json.get("status")).intValue()).isEqualTo(status);
        if (field != null) assertThat(json.get("field")).as(r.body()).isEqualTo(field);
    }
}
