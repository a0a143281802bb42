package dev.avatarkit.sim;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import java.time.Instant;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import org.junit.jupiter.api.Test;

class IdempotencyIT extends SimHarness {
    static final String BODY =
            "{\"type\":\"avatar\",\"avatar_id\":\"Daisy-inskirt-20220818\",\"script\":\"Hi.\",\"voice_id\":\"2d5b0e6cf36f460aa7fc47e3eee4ba54\"}";

    @Test
    void replays_within_24h_then_creates_anew_after_window() throws Exception {
        SimClock.Manual clock = new SimClock.Manual(Instant.parse("2026-08-01T00:00:00Z"));
        start(HeyGenSimulator.builder().port(0).clock(clock).renderTime(Duration.ofSeconds(10)));
        Res first = post("/v3/videos", BODY, "Idempotency-Key", "job-1");
        Res again = post("/v3/videos", BODY.replace("Hi.", "Hi there."), "Idempotency-Key", "job-1");
        assertThat(again.status()).isEqualTo(200);
        assertThat(again.text()).isEqualTo(first.text());
        assertThat(sim.stats().createsForIdempotencyKey("job-1")).isEqualTo(1);
        assertThat(sim.stats().idempotentReplays()).isEqualTo(1);
        clock.advance(Duration.ofHours(25));
        Res later = post("/v3/videos", BODY, "Idempotency-Key", "job-1");
        assertThat(later.data().get("video_id")).isNotEqualTo(first.data().get("video_id"));
        assertThat(sim.stats().duplicateCreates()).isEqualTo(1);
    }

    @Test
    void scope_is_per_route_and_path_param() throws Exception {
        start(HeyGenSimulator.builder().port(0));
        Res v = post("/v3/videos", BODY, "Idempotency-Key", "k");
        Res t = post("/v3/templates/" + Catalogue.NAME_TEMPLATE_ID, "{\"variables\":{}}", "Idempotency-Key", "k");
        Res t2 = post("/v3/templates/4d4dee4506a74b4b835a144368135f6a", "{\"variables\":{}}", "Idempotency-Key", "k");
        assertThat(v.data().get("video_id")).isNotEqualTo(t.data().get("id"));
        assertThat(t.data().get("id")).isNotEqualTo(t2.data().get("id"));
    }

    @Test
    void invalid_key_syntax_is_400() throws Exception {
        start(HeyGenSimulator.builder().port(0));
        Res r = post("/v3/videos", BODY, "Idempotency-Key", "bad key!");
        assertThat(r.status()).isEqualTo(400);
        assertThat(((Map<?, ?>) r.json().get("error")).get("code")).isEqualTo("invalid_parameter");
        assertThat(post("/v3/videos", BODY, "Idempotency-Key", "x".repeat(256)).status())
                .isEqualTo(400);
    }

    @Test
    void in_flight_duplicate_gets_409_request_in_progress() throws Exception {
        start(HeyGenSimulator.builder().port(0));
        sim.faults()
                .add(FaultRule.on("POST /v3/videos", FaultKind.SLOW)
                        .delayMs(800)
                        .next(1));
        CompletableFuture<Res> slow = CompletableFuture.supplyAsync(() -> {
            try {
                return post("/v3/videos", BODY, "Idempotency-Key", "slow-1");
            } catch (Exception e) {
                throw new RuntimeException(e);
            }
        });
        awaitCheck(() -> sim.stats().jobsCreated() == 1, Duration.ofSeconds(3));
        Res dup = post("/v3/videos", BODY, "Idempotency-Key", "slow-1");
        assertThat(dup.status()).isEqualTo(409);
        assertThat(((Map<?, ?>) dup.json().get("error")).get("code")).isEqualTo("request_in_progress");
        Res original = slow.get();
        Res replay = post("/v3/videos", BODY, "Idempotency-Key", "slow-1");
        assertThat(replay.text()).isEqualTo(original.text());
        assertThat(sim.stats().createsForIdempotencyKey("slow-1")).isEqualTo(1);
    }
}
