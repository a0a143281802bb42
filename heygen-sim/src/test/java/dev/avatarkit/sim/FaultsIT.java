package dev.avatarkit.sim;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.IOException;
import java.net.URI;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.net.http.HttpTimeoutException;
import java.time.Duration;
import java.util.Map;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

class FaultsIT extends SimHarness {
    /** unknown_status and malformed_json break the response schema on purpose. */
    @Override
    boolean answersFollowTheSchema() {
        return false;
    }

    static final String BODY = IdempotencyIT.BODY;

    @BeforeEach
    void setUp() {
        start(HeyGenSimulator.builder().port(0).renderTime(Duration.ofMillis(1000)));
    }

    @Test
    void scripted_429_then_success_with_retry_after() throws Exception {
        sim.faults()
                .add(FaultRule.on("POST /v3/videos", FaultKind.HTTP_429)
                        .retryAfterSeconds(7)
                        .next(2));
        Res a = post("/v3/videos", BODY);
        assertThat(a.status()).isEqualTo(429);
        assertThat(a.headers().firstValue("Retry-After")).hasValue("7");
        assertThat(post("/v3/videos", BODY).status()).isEqualTo(429);
        assertThat(post("/v3/videos", BODY).status()).isEqualTo(200);
        assertThat(sim.stats().tooManyRequestsServed()).isEqualTo(2);
        assertThat(sim.stats().jobsCreated()).isEqualTo(1);
    }

    @Test
    void calls_3_and_7_get_500_502_503() throws Exception {
        sim.faults().add(FaultRule.on("GET /v3/users/me", FaultKind.HTTP_500).calls(3, 7));
        int[] statuses = new int[8];
        for (int i = 0; i < 8; i++) statuses[i] = get("/v3/users/me").status();
        assertThat(statuses).containsExactly(200, 200, 500, 200, 200, 200, 500, 200);
        sim.faults()
                .clear()
                .add(FaultRule.on("GET /v2/voices", FaultKind.HTTP_502).next(1))
                .add(FaultRule.on("GET /v1/video.list", FaultKind.HTTP_503).next(1));
        Res bad = get("/v2/voices");
        assertThat(bad.status()).isEqualTo(502);
        assertThat(bad.json()).isNull(); // gateway HTML, not JSON
        assertThat(get("/v1/video.list").status()).isEqualTo(503);
    }

    @Test
    void probability_is_seeded() throws Exception {
        sim.faults()
                .seed(1)
                .add(FaultRule.on("GET /v3/users/me", FaultKind.HTTP_500).probability(0.5));
        int errors = 0;
        for (int i = 0; i < 20; i++) if (get("/v3/users/me").status() == 500) errors++;
        assertThat(errors).isBetween(3, 17);
    }

    @Test
    void reset_closes_connection_without_response() {
        sim.faults().add(FaultRule.on("POST /v3/videos", FaultKind.RESET).next(1));
        assertThatThrownBy(() -> post("/v3/videos", BODY)).isInstanceOf(IOException.class);
        assertThat(sim.stats().jobsCreated()).isZero();
    }

    @Test
    void slow_response_after_job_was_created_is_the_ambiguous_create() throws Exception {
        sim.faults()
                .add(FaultRule.on("POST /v3/videos", FaultKind.SLOW)
                        .delayMs(1500)
                        .next(1));
        HttpRequest req = HttpRequest.newBuilder(URI.create(sim.baseUrl() + "/v3/videos"))
                .timeout(Duration.ofMillis(300))
                .header("x-api-key", KEY)
                .header("Content-Type", "application/json")
                .POST(HttpRequest.BodyPublishers.ofString(BODY.replace("}", ",\"callback_id\":\"cb-1\"}")))
                .build();
        assertThatThrownBy(() -> http.send(req, HttpResponse.BodyHandlers.ofString()))
                .isInstanceOf(HttpTimeoutException.class);
        assertThat(sim.stats().createsForCallbackId("cb-1")).isEqualTo(1);
        // The client retries blindly (no key) and creates a duplicate: the counter says so.
        post("/v3/videos", BODY.replace("}", ",\"callback_id\":\"cb-1\"}"));
        assertThat(sim.stats().duplicateCreates()).isEqualTo(1);
    }

    @Test
    void malformed_json_and_200_with_error() throws Exception {
        sim.faults()
                .add(FaultRule.on("GET /v3/users/me", FaultKind.MALFORMED_JSON).next(1))
                .add(FaultRule.on("POST /v2/video/generate", FaultKind.OK_WITH_ERROR)
                        .next(1));
        Res cut = get("/v3/users/me");
        assertThat(cut.status()).isEqualTo(200);
        assertThat(cut.json()).isNull();
        Res okErr = post("/v2/video/generate", LegacyRoutesIT.GENERATE);
        assertThat(okErr.status()).isEqualTo(200);
        assertThat(okErr.json().get("error")).isNotNull();
        assertThat(okErr.json().get("data")).isNull();
    }

    @Test
    void unknown_status_then_real_status_and_completed_with_error() throws Exception {
        sim.close();
        SimClock.Manual clock = new SimClock.Manual(java.time.Instant.parse("2026-08-01T00:00:00Z"));
        start(HeyGenSimulator.builder().port(0).clock(clock).renderTime(Duration.ofSeconds(10)));
        sim.faults()
                .add(FaultRule.on("POST /v3/videos", FaultKind.UNKNOWN_STATUS)
                        .value("rendering_hd")
                        .next(1))
                .add(FaultRule.on("POST /v2/video/generate", FaultKind.COMPLETED_WITH_ERROR)
                        .next(1));
        String id = createV3Video("");
        String legacy = (String)
                post("/v2/video/generate", LegacyRoutesIT.GENERATE).data().get("video_id");
        assertThat(v3Status(id)).isEqualTo("rendering_hd");
        clock.advance(Duration.ofSeconds(11));
        sim.tick();
        assertThat(v3Status(id)).isEqualTo("completed");
        Map<?, ?> data = get("/v1/video_status.get?video_id=" + legacy).data();
        assertThat(data.get("status")).isEqualTo("completed");
        assertThat(data.get("video_url")).isNotNull();
        assertThat(((Map<?, ?>) data.get("error")).get("code")).isEqualTo("MOVIO_PAYMENT_INSUFFICIENT_CREDIT");
    }

    @Test
    void faults_over_http_and_stats_document() throws Exception {
        Res set = post(
                "/_sim/faults",
                "{\"seed\":3,\"rules\":[{\"route\":\"GET /v3/videos\",\"kind\":\"http_429\",\"next\":1,\"retry_after\":2}]}");
        assertThat(set.status()).isEqualTo(200);
        assertThat(get("/v3/videos").status()).isEqualTo(429);
        assertThat(get("/v3/videos").status()).isEqualTo(200);
        Map<String, Object> stats = get("/_sim/stats").json();
        assertThat(stats)
                .containsKeys(
                        "requests_per_route",
                        "creates_per_idempotency_key",
                        "creates_per_callback_id",
                        "duplicate_creates",
                        "responses_429",
                        "bytes_served",
                        "webhooks_delivered");
        assertThat(((Map<?, ?>) stats.get("requests_per_route")).get("GET /v3/videos"))
                .isEqualTo(2.0);
        assertThat(stats.get("responses_429")).isEqualTo(1.0);
        assertThat(post("/_sim/faults", "{\"rules\":[{\"route\":\"x\"}]}").status())
                .isEqualTo(400);
        assertThat(post("/_sim/reset", "{}").status()).isEqualTo(200);
        assertThat(sim.stats().tooManyRequestsServed()).isZero();
    }
}
