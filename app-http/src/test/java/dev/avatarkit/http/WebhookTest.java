package dev.avatarkit.http;

import static org.assertj.core.api.Assertions.assertThat;

import dev.avatarkit.core.domain.Job;
import dev.avatarkit.core.domain.JobId;
import dev.avatarkit.sim.HeyGenSimulator;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HexFormat;
import java.util.List;
import java.util.Map;
import java.util.concurrent.Callable;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import javax.crypto.Mac;
import javax.crypto.spec.SecretKeySpec;
import okhttp3.Request;
import okhttp3.RequestBody;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** POST /webhooks/heygen: no bearer, verified, deduplicated; forgeries change nothing; OPTIONS is instant. */
class WebhookTest {
    @TempDir
    static Path dir;

    static TestServer s;
    static String secret;

    @BeforeAll
    static void start() {
        s = TestServer.sandbox(dir);
        secret = s.platform().sandbox().orElseThrow().settings().get("HEYGEN_WEBHOOK_SECRET");
    }

    @AfterAll
    static void stop() {
        if (s != null) s.close();
    }

    @Test
    void givenAForgedDelivery_then401AndTheSameEventStillCountsOnceWhenGenuine() {
        Job job = newJob();
        String body = event(job, "evt-forged-then-real");
        var forged = deliver(body, "evt-forged-then-real", "00".repeat(32));
        JobRoutesTest.assertProblem(forged, 401, null);
        var unsigned = s.call(new Request.Builder()
                .url(s.url("/webhooks/heygen"))
                .post(RequestBody.create(body, TestServer.JSON))
                .build());
        assertThat(unsigned.status()).isEqualTo(401);
        var genuine = deliver(body, "evt-forged-then-real", sign(secret, body));
        assertThat(genuine.status()).isEqualTo(200);
        assertThat(genuine.field("outcome")).isEqualTo("accepted");
    }

    @Test
    void givenAFloodOfTheSameEvent_thenExactlyOneIsAcceptedAndTheRestAreDuplicates() throws Exception {
        Job job = newJob();
        String body = event(job, "evt-flood");
        String signature = sign(secret, body);
        ExecutorService pool = Executors.newFixedThreadPool(8);
        try {
            List<Future<String>> outcomes = new ArrayList<>();
            for (int i = 0; i < 24; i++) {
                Callable<String> call =
                        () -> deliver(body, "evt-flood", signature).field("outcome");
                outcomes.add(pool.submit(call));
            }
            List<String> results = new ArrayList<>();
            for (Future<String> f : outcomes) results.add(f.get());
            assertThat(results).containsOnly("accepted", "duplicate");
            assertThat(results.stream().filter("accepted"::equals).count()).isEqualTo(1);
        } finally {
            pool.shutdownNow();
        }
    }

    @Test
    void givenOneCapturedDeliveryReplayedWithFreshEventIdsAndNoTimestamp_thenOnlyTheFirstCounts() {
        Job job = newJob();
        // like HeyGen's: no event_id in the body, so the signed body itself is the event's identity
        String body = "{\"event_type\":\"avatar_video.success\",\"event_data\":{\"video_id\":\"vid-replayed\","
                + "\"callback_id\":\"" + job.idempotencyKey().value() + "\"}}";
        String signature = sign(secret, body);
        List<String> outcomes = new ArrayList<>();
        for (int i = 0; i < 20; i++)
            outcomes.add(deliver(body, "evt-fresh-" + i, signature).field("outcome"));
        assertThat(outcomes.get(0)).isEqualTo("accepted");
        assertThat(outcomes.subList(1, outcomes.size())).containsOnly("duplicate");
    }

    @Test
    void givenAnEventForNoJobOfOurs_thenItIsAnsweredButChangesNothing() {
        String body =
                "{\"event_type\":\"avatar_video.success\",\"event_data\":{\"video_id\":\"v1\",\"callback_id\":\"someone-else\"}}";
        var r = deliver(body, "evt-stranger", sign(secret, body));
        assertThat(r.status()).isEqualTo(200);
        assertThat(r.field("outcome")).isEqualTo("unknown_job");
    }

    @Test
    void givenAnOptionsProbe_thenItIsAnsweredAtOnceWithoutAToken() {
        long start = System.nanoTime();
        var r = s.call(new Request.Builder()
                .url(s.url("/webhooks/heygen"))
                .method("OPTIONS", null)
                .build());
        long millis = (System.nanoTime() - start) / 1_000_000;
        assertThat(r.status()).isEqualTo(204);
        assertThat(r.header("Allow")).contains("POST");
        assertThat(millis).isLessThan(500);
    }

    @Test
    void givenNoWebhookSecretConfigured_thenEveryDeliveryIsRefused(@TempDir Path other) {
        try (HeyGenSimulator sim = HeyGenSimulator.builder().port(0).build().start();
                TestServer plain =
                        TestServer.start(other, Map.of("HEYGEN_API_KEY", "k", "HEYGEN_BASE_URL", sim.baseUrl()))) {
            String body = "{\"event_type\":\"avatar_video.success\",\"event_data\":{\"video_id\":\"v1\"}}";
            var r = plain.call(new Request.Builder()
                    .url(plain.url("/webhooks/heygen"))
                    .header("Heygen-Signature", sign("any", body))
                    .post(RequestBody.create(body, TestServer.JSON))
                    .build());
            JobRoutesTest.assertProblem(r, 401, null);
            assertThat(r.field("detail")).contains("no webhook secret");
        }
    }

    private static Job newJob() {
        String id = s.post("/v1/videos", TestServer.videoBody("webhook target")).field("id");
        return s.platform().jobs().find(JobId.of(id)).orElseThrow();
    }

    private static String event(Job job, String eventId) {
        return "{\"event_id\":\"" + eventId
                + "\",\"event_type\":\"avatar_video.success\",\"event_data\":{\"video_id\":\"vid-x\","
                + "\"callback_id\":\"" + job.idempotencyKey().value() + "\",\"url\":\"https://evil.example/x.mp4\"}}";
    }

    private static TestServer.Result deliver(String body, String eventId, String signature) {
        return s.call(new Request.Builder()
                .url(s.url("/webhooks/heygen"))
                .header("Heygen-Signature", signature)
                .header("Heygen-Event-Id", eventId)
                .post(RequestBody.create(body, TestServer.JSON))
                .build());
    }

    static String sign(String key, String body) {
        try {
            Mac mac = Mac.getInstance("HmacSHA256");
            mac.init(new SecretKeySpec(key.getBytes(StandardCharsets.UTF_8), "HmacSHA256"));
            return HexFormat.of().formatHex(mac.doFinal(body.getBytes(StandardCharsets.UTF_8)));
        } catch (Exception e) {
            throw new IllegalStateException(e);
        }
    }
}
