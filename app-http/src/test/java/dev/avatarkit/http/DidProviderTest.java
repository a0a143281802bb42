package dev.avatarkit.http;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import okhttp3.Request;
import okhttp3.RequestBody;
import org.awaitility.Awaitility;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Issue 15: D-ID through the same server. The sandbox swaps D-ID's settings for its simulator (did-sim on the
 * run-time classpath, as in the launcher), so {@code "provider":"d-id"} renders a real talk on loopback.
 */
class DidProviderTest {
    static final String IMAGE = "https://assets.example.com/identities/ava/face.jpg";
    static final String DID_VOICE = "en-US-JennyNeural";

    static final List<String> TERMINAL = List.of("SUCCEEDED", "FAILED", "REJECTED", "CANCELED", "NEEDS_ATTENTION");

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

    static String didVideo(String text) {
        return "{\"provider\":\"d-id\",\"image\":\"" + IMAGE + "\",\"voice\":\"" + DID_VOICE + "\",\"text\":\"" + text
                + "\"}";
    }

    @SuppressWarnings("unchecked")
    @Test
    void givenBothPluginsInstalled_whenProvidersAreListed_thenHeygenIsTheDefaultAndDidHasNoTemplates() {
        var r = s.get("/v1/providers");

        assertThat(r.status()).as(r.body()).isEqualTo(200);
        List<Map<String, Object>> providers =
                (List<Map<String, Object>>) r.json().get("providers");
        assertThat(providers).extracting(p -> p.get("name")).contains("heygen", "d-id");
        Map<String, Object> heygen = providers.stream()
                .filter(p -> "heygen".equals(p.get("name")))
                .findFirst()
                .orElseThrow();
        Map<String, Object> did = providers.stream()
                .filter(p -> "d-id".equals(p.get("name")))
                .findFirst()
                .orElseThrow();
        assertThat(heygen.get("isDefault")).isEqualTo(true);
        assertThat(did.get("isDefault")).isEqualTo(false);
        assertThat((List<String>) did.get("features"))
                .contains("videos", "photo_avatars")
                .doesNotContain("templates");
        assertThat(did.get("idempotentCreate")).isEqualTo(false);
    }

    @Test
    void givenProviderDid_whenAPhotoVideoIsPosted_then202OnDidAndItSucceedsInTheSandbox() throws Exception {
        var r = s.post("/v1/videos", didVideo("Hello from D-ID"));

        assertThat(r.status()).as(r.body()).isEqualTo(202);
        assertThat(r.field("provider")).startsWith("d-id");
        String id = r.field("id");
        TestServer.Result done = awaitTerminal(id);
        assertThat(done.field("state")).as(done.body()).isEqualTo("SUCCEEDED");
        assertThat(done.field("provider")).startsWith("d-id");
        assertThat(done.field("providerRef")).contains("tlk_");
    }

    @Test
    void givenProviderDid_whenATemplateBatchIsPosted_then422NamingProviderAndNoBatch() {
        var r = s.post(
                "/v1/batches",
                "{\"kind\":\"template\",\"template\":\"tpl_x\",\"provider\":\"d-id\",\"rows\":[{\"name\":\"Ann\"}]}");

        JobRoutesTest.assertProblem(r, 422, "provider");
        assertThat(r.body()).contains("d-id");
        assertThat(s.get("/v1/jobs").body()).doesNotContain("tpl_x");
    }

    @Test
    void givenATalkNobodyKnows_whenDidPostsItsWebhook_thenAnsweredUnknownAndNothingChanges() throws Exception {
        var made = s.post("/v1/videos", didVideo("Before the stray webhook"));
        assertThat(made.status()).as(made.body()).isEqualTo(202);
        TestServer.Result before = awaitTerminal(made.field("id"));
        String jobsBefore = s.get("/v1/jobs").body();

        String body = "{\"id\":\"tlk_unknown0000000000\",\"object\":\"talk\",\"status\":\"done\","
                + "\"user_data\":\"not-a-key-of-ours\",\"result_url\":\"https://evil.example.com/x.mp4\"}";
        var r = s.call(new Request.Builder()
                .url(s.url("/webhooks/d-id"))
                .post(RequestBody.create(body, TestServer.JSON))
                .build());

        assertThat(r.status()).as(r.body()).isEqualTo(200);
        assertThat(r.field("outcome")).isEqualTo("unknown_job");
        assertThat(s.get("/v1/jobs/" + made.field("id")).body()).isEqualTo(before.body());
        assertThat(s.get("/v1/jobs").body()).isEqualTo(jobsBefore);
    }

    /** Polls the job until it is terminal (bounded: a lost job fails the test instead of hanging it). */
    private static TestServer.Result awaitTerminal(String id) {
        return Awaitility.await("job " + id + " terminal")
                .atMost(Duration.ofSeconds(30))
                .pollInterval(Duration.ofMillis(100))
                .until(() -> s.get("/v1/jobs/" + id), last -> TERMINAL.contains(last.field("state")));
    }
}
