package dev.avatarkit.sim;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import java.util.Map;
import org.junit.jupiter.api.Test;

/** The front door holds requests to the published schema; the lenient switch lets them through for fault tests. */
class SchemaGateIT extends SimHarness {
    private static final String WIDE =
            "{\"type\":\"avatar\",\"avatar_id\":\"Daisy-inskirt-20220818\",\"script\":\"Hi\","
                    + "\"voice_id\":\"2d5b0e6cf36f460aa7fc47e3eee4ba54\",\"aspect_ratio\":\"21:9\"}";

    private static Map<?, ?> error(Res r) {
        return (Map<?, ?>) r.json().get("error");
    }

    @Test
    void givenAStrictSimulator_whenAV3RequestBreaksTheSchema_thenInvalidParameterNamesTheField() throws Exception {
        start(HeyGenSimulator.builder().port(0).renderTime(Duration.ofMillis(100)));
        Res r = post("/v3/videos", WIDE, "Idempotency-Key", "k-wide");
        assertThat(r.status()).isEqualTo(400);
        assertThat(error(r).get("code")).isEqualTo("invalid_parameter");
        assertThat(error(r).get("param")).isEqualTo("aspect_ratio");
        assertThat(sim.stats().jobsCreated()).isZero();
        assertThat(sim.wireLog().exchanges())
                .singleElement()
                .satisfies(e ->
                        assertThat(e.request()).extracting(Violation::param).containsExactly("aspect_ratio"));
    }

    @Test
    void givenAStrictSimulator_whenALegacyRequestBreaksTheTable_thenTheV2ErrorShape() throws Exception {
        start(HeyGenSimulator.builder().port(0).renderTime(Duration.ofMillis(100)));
        Res r = post(
                "/v2/video/generate",
                "{\"video_inputs\":[{\"character\":{\"type\":\"avatar\",\"avatar_id\":\"Daisy-inskirt-20220818\"},"
                        + "\"voice\":{\"type\":\"text\",\"voice_id\":\"2d5b0e6cf36f460aa7fc47e3eee4ba54\",\"input_text\":\"Hi\",\"speed\":3.0}}]}");
        assertThat(r.status()).isEqualTo(400);
        assertThat(r.json()).containsEntry("data", null);
        assertThat((String) error(r).get("message")).contains("video_inputs[0].voice.speed");
    }

    @Test
    void givenALenientSimulator_whenARequestBreaksTheSchema_thenTheRouteHandlesItAndTheLogKeepsTheViolation()
            throws Exception {
        start(HeyGenSimulator.builder()
                .port(0)
                .renderTime(Duration.ofMillis(100))
                .lenient(true));
        assertThat(post("/v3/videos", WIDE).status()).isEqualTo(200);
        assertThat(sim.wireLog().exchanges().get(0).request()).isNotEmpty();
    }

    @Test
    void givenATemplateCreate_whenRetriedWithTheSameKey_thenItRendersAgainBecauseTheRouteIsNotKeyed() throws Exception {
        start(HeyGenSimulator.builder().port(0).renderTime(Duration.ofMillis(100)));
        String body =
                "{\"variables\":{\"name\":{\"name\":\"name\",\"type\":\"text\",\"properties\":{\"content\":\"Ann\"}}}}";
        Res a = post("/v3/templates/" + Catalogue.NAME_TEMPLATE_ID, body, "Idempotency-Key", "same");
        Res b = post("/v3/templates/" + Catalogue.NAME_TEMPLATE_ID, body, "Idempotency-Key", "same");
        assertThat(a.status()).isEqualTo(200);
        assertThat(((Map<?, ?>) b.json().get("data")).get("id"))
                .isNotEqualTo(((Map<?, ?>) a.json().get("data")).get("id"));
    }

    @Test
    void givenEveryRouteTheSimulatorKeys_thenTheSchemaDeclaresTheKeyThere() {
        HeyGenSimulator s = start(HeyGenSimulator.builder().port(0));
        assertThat(s.routes())
                .filteredOn(Route::idempotent)
                .allSatisfy(r -> assertThat(WireSchema.published().declaresIdempotencyKey(r.method(), r.template()))
                        .as(r.key())
                        .isTrue());
    }
}
