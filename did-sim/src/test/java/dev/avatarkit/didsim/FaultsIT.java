package dev.avatarkit.didsim;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.UncheckedIOException;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import tools.jackson.databind.JsonNode;

class FaultsIT {
    @RegisterExtension
    final SimFixture fx = new SimFixture();

    private void fault(FaultRule rule) {
        fx.sim().faults().add(rule);
    }

    private DidClient.Answer create(String userData) {
        return fx.client().post("/talks", Bodies.talk(userData));
    }

    @Test
    void rateLimit_is429WithRetryAfter_createsNothing_andTheNextCallPasses() {
        fault(FaultRule.on("POST /talks", FaultKind.RATE_LIMIT)
                .retryAfterSeconds(7)
                .next(1));
        DidClient.Answer limited = create("ak:429");
        assertThat(limited.status()).isEqualTo(429);
        assertThat(limited.retryAfter()).isEqualTo("7");
        assertThat(fx.sim().stats().creates()).isZero();
        assertThat(create("ak:429").status()).isEqualTo(201);
        assertThat(fx.sim().stats().rateLimited()).isEqualTo(1);
    }

    @Test
    void serverError_500HasDidsBody_502And503AreTheGateways() {
        fault(FaultRule.on("GET /talks", FaultKind.SERVER_ERROR).next(1));
        DidClient.Answer a = fx.client().get("/talks");
        assertThat(a.status()).isEqualTo(500);
        assertThat(a.json().get("kind").asString()).isEqualTo("InternalServerError");
        fault(FaultRule.on("GET /talks", FaultKind.SERVER_ERROR).status(502).next(1));
        DidClient.Answer b = fx.client().get("/talks");
        assertThat(b.status()).isEqualTo(502);
        assertThat(b.json().has("message")).isTrue();
    }

    @Test
    void gatewayTimeoutAfterCommit_is504_butTheTalkExistsAndIsListedWithItsUserData() {
        fault(FaultRule.on("POST /talks", FaultKind.GATEWAY_TIMEOUT_AFTER_COMMIT)
                .next(1));
        DidClient.Answer a = create("ak:ambiguous");
        assertThat(a.status()).isEqualTo(504);
        assertThat(a.json().get("message").asString()).isEqualTo("Endpoint request timed out");
        JsonNode listed = fx.client().get("/talks").json().get("talks");
        assertThat(listed).hasSize(1);
        assertThat(listed.get(0).get("user_data").asString()).isEqualTo("ak:ambiguous");
        assertThat(fx.sim().stats().createsFor("ak:ambiguous")).isEqualTo(1);
    }

    @Test
    void gatewayTimeoutBeforeCommit_is504_andNothingExists() {
        fault(FaultRule.on("POST /talks", FaultKind.GATEWAY_TIMEOUT).next(1));
        assertThat(create("ak:lost").status()).isEqualTo(504);
        assertThat(fx.client().get("/talks").json().get("talks")).isEmpty();
    }

    @Test
    void reset_dropsTheConnection_beforeOrAfterTheCreateCommitted() {
        fault(FaultRule.on("POST /talks", FaultKind.RESET).next(1));
        assertThatThrownBy(() -> create("ak:reset")).isInstanceOf(UncheckedIOException.class);
        assertThat(fx.sim().stats().creates()).isZero();
        fault(FaultRule.on("POST /talks", FaultKind.RESET_AFTER_COMMIT).next(1));
        assertThatThrownBy(() -> create("ak:reset")).isInstanceOf(UncheckedIOException.class);
        assertThat(fx.sim().stats().createsFor("ak:reset")).isEqualTo(1);
    }

    @Test
    void slow_answersAfterTheDelay_withTheTalkCreated() {
        fault(FaultRule.on("POST /talks", FaultKind.SLOW).delayMs(50).next(1));
        assertThat(create("ak:slow").status()).isEqualTo(201);
        assertThat(fx.sim().faults().rules().get(0).timesFired()).isEqualTo(1);
    }

    @Test
    void malformedJson_is201WithACutBody_andTheTalkExists() {
        fault(FaultRule.on("POST /talks", FaultKind.MALFORMED_JSON).next(1));
        DidClient.Answer a = create("ak:cut");
        assertThat(a.status()).isEqualTo(201);
        assertThat(SimJson.parse(a.bytes())).isNull();
        assertThat(fx.sim().stats().creates()).isEqualTo(1);
    }

    @Test
    void moderation_is451WithTheChosenKind_andNoCreditsIs402() {
        fault(FaultRule.on("POST /talks", FaultKind.MODERATION)
                .value("TextModerationError")
                .next(1));
        DidClient.Answer a = create("ak:mod");
        assertThat(a.status()).isEqualTo(451);
        assertThat(a.json().get("kind").asString()).isEqualTo("TextModerationError");
        fault(FaultRule.on("POST /clips", FaultKind.NO_CREDITS).next(1));
        assertThat(fx.client()
                        .post("/clips", Bodies.clip("amy-jcwCkr1grs", "ak:x"))
                        .status())
                .isEqualTo(402);
        assertThat(fx.sim().stats().creates()).isZero();
    }

    @Test
    void rejectAndFailRender_endTheRenderRejectedOrError_withAnErrorObject() {
        fault(FaultRule.on("POST /talks", FaultKind.REJECT_RENDER).next(1));
        String rejected = fx.talk("ak:rej");
        fault(FaultRule.on("POST /talks", FaultKind.FAIL_RENDER).next(1));
        String failed = fx.talk("ak:fail");
        fx.finishRenders();
        JsonNode r = fx.client().get("/talks/" + rejected).json();
        assertThat(r.get("status").asString()).isEqualTo("rejected");
        assertThat(r.get("error").get("kind").asString()).endsWith("ModerationError");
        assertThat(r.has("result_url")).isFalse();
        JsonNode f = fx.client().get("/talks/" + failed).json();
        assertThat(f.get("status").asString()).isEqualTo("error");
        assertThat(f.get("error").get("description").asString()).isNotBlank();
    }

    @Test
    void expiredUrlFault_answers403LikeS3_onAFreshLink() {
        String id = fx.talk("ak:exp");
        fx.finishRenders();
        String url = fx.client().get("/talks/" + id).json().get("result_url").asString();
        fault(FaultRule.on("GET " + ObjectRoutes.TEMPLATE, FaultKind.EXPIRED_URL)
                .next(1));
        DidClient.Answer a = fx.client().fetch(url);
        assertThat(a.status()).isEqualTo(403);
        assertThat(a.text()).contains("<Code>AccessDenied</Code>").contains("Request has expired");
        assertThat(fx.client().fetch(url).status()).isEqualTo(200);
    }

    @Test
    void duplicates_twoCreatesWithTheSameUserData_areCountedAndServedAtSimStats() {
        fx.talk("ak:dup");
        fx.talk("ak:dup");
        fx.talk("ak:single");
        JsonNode stats = fx.client().get("/_sim/stats").json();
        assertThat(stats.get("creates").asLong()).isEqualTo(3);
        assertThat(stats.get("duplicate_creates").asLong()).isEqualTo(1);
        assertThat(stats.get("creates_per_user_data").get("ak:dup").asLong()).isEqualTo(2);
        assertThat(fx.sim().stats().duplicateCreates()).isEqualTo(1);
    }

    @Test
    void faultsCanBePostedAsJson_toEveryRouteWithAStar_andListedWithFiredCounts() {
        DidClient.Answer posted = fx.client()
                .post(
                        "/_sim/faults",
                        "{\"rules\":[{\"route\":\"*\",\"kind\":\"server_error\",\"status\":503,\"next\":2}]}");
        assertThat(posted.status()).isEqualTo(200);
        assertThat(fx.client().get("/credits").status()).isEqualTo(503);
        assertThat(fx.client().get("/tts/voices").status()).isEqualTo(503);
        assertThat(fx.client().get("/credits").status()).isEqualTo(200);
        assertThat(fx.client().get("/_sim/faults").json().get(0).get("fired").asInt())
                .isEqualTo(2);
        DidClient.Answer bad = fx.client().post("/_sim/faults", "[{\"route\":\"*\",\"kind\":\"explode\"}]");
        assertThat(bad.status()).isEqualTo(400);
        assertThat(bad.json().get("description").asString()).contains("explode").contains("rate_limit");
    }
}
