package dev.avatarkit.sim;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import java.util.Map;
import org.junit.jupiter.api.Test;

/** Auth, concurrency, request rate and credits, each in its generation's shape. */
class GatesIT extends SimHarness {
    @Test
    void auth_any_key_accepted_unless_one_configured_and_401_shapes() throws Exception {
        start(HeyGenSimulator.builder().port(0).apiKey("secret-key"));
        assertThat(get("/v3/users/me", "x-api-key", "secret-key").status()).isEqualTo(200);
        assertThat(get("/v3/users/me", "X-API-KEY", "secret-key").status()).isEqualTo(200);
        Res v3 = get("/v3/users/me", "x-api-key", "wrong");
        assertThat(v3.status()).isEqualTo(401);
        assertSameShape("v3_error_401.json", v3.json());
        Res v2 = get("/v2/voices", "x-api-key", null);
        assertThat(v2.status()).isEqualTo(401);
        assertSameShape("v2_error.json", v2.json());
        Res v1 = get("/v1/video.list", "x-api-key", "wrong");
        assertThat(v1.status()).isEqualTo(401);
        assertSameShape("v1_error.json", v1.json());
    }

    @Test
    void any_non_empty_key_when_unconfigured() throws Exception {
        start(HeyGenSimulator.builder().port(0));
        assertThat(get("/v3/users/me", "x-api-key", "whatever").status()).isEqualTo(200);
        assertThat(get("/v3/users/me", "x-api-key", null).status()).isEqualTo(401);
    }

    @Test
    void v3_concurrency_limit_answers_429_with_retry_after() throws Exception {
        start(HeyGenSimulator.builder()
                .port(0)
                .renderTime(Duration.ofSeconds(30))
                .concurrency(2));
        createV3Video("");
        createV3Video("");
        Res third = post("/v3/videos", "{\"type\":\"avatar\",\"avatar_id\":\"Daisy-inskirt-20220818\"}");
        assertThat(third.status()).isEqualTo(429);
        assertThat(((Map<?, ?>) third.json().get("error")).get("code")).isEqualTo("rate_limit_exceeded");
        assertThat(Long.parseLong(third.headers().firstValue("Retry-After").orElseThrow()))
                .isBetween(1L, 30L);
        assertThat(sim.stats().tooManyRequestsServed()).isEqualTo(1);
        assertThat(sim.stats().jobsCreated()).isEqualTo(2);
    }

    @Test
    void request_rate_limit() throws Exception {
        start(HeyGenSimulator.builder().port(0).requestsPerSecond(3));
        int limited = 0;
        for (int i = 0; i < 20; i++) {
            Res r = get("/v3/users/me");
            if (r.status() == 429) {
                limited++;
                assertThat(r.headers().firstValue("Retry-After")).isPresent();
            }
        }
        assertThat(limited).isGreaterThanOrEqualTo(11);
    }

    @Test
    void credits_run_out_v3_402_and_legacy_fails_at_poll() throws Exception {
        start(HeyGenSimulator.builder()
                .port(0)
                .renderTime(Duration.ofMillis(100))
                .credits(1));
        createV3Video("");
        Res broke = post("/v3/videos", "{\"type\":\"avatar\",\"avatar_id\":\"Daisy-inskirt-20220818\"}");
        assertThat(broke.status()).isEqualTo(402);
        assertSameShape("v3_error_402.json", broke.json());
        assertThat(((Map<?, ?>) broke.json().get("error")).get("code")).isEqualTo("insufficient_credit");
        String id = (String)
                post("/v2/video/generate", LegacyRoutesIT.GENERATE).data().get("video_id");
        awaitCheck(
                () -> "failed"
                        .equals(get("/v1/video_status.get?video_id=" + id)
                                .data()
                                .get("status")),
                Duration.ofSeconds(5));
        Map<?, ?> error =
                (Map<?, ?>) get("/v1/video_status.get?video_id=" + id).data().get("error");
        assertThat(error.get("code")).isEqualTo("MOVIO_PAYMENT_INSUFFICIENT_CREDIT");
    }
}
