package dev.avatarkit.didsim;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.charset.StandardCharsets;
import java.util.Base64;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

class AuthIT {
    static final String KEY = "dXNlckBleGFtcGxlLmNvbQ:s3cr3t-Pa55";

    @RegisterExtension
    final SimFixture fx = new SimFixture(b -> b.apiKey(KEY));

    @Test
    void givenTheKeyVerbatimAfterBasic_thenAccepted() {
        assertThat(new DidClient(fx.sim().baseUrl(), "Basic " + KEY)
                        .get("/talks")
                        .status())
                .isEqualTo(200);
    }

    @Test
    void givenAWrongKey_aBase64EncodedKey_aBearerScheme_orNoHeader_then401WithDidsErrorBody_andNothingCreated() {
        String base = fx.sim().baseUrl();
        String encoded = Base64.getEncoder().encodeToString(KEY.getBytes(StandardCharsets.UTF_8));
        for (String auth : new String[] {"Basic wrong:key", "Basic " + encoded, "Bearer " + KEY, null}) {
            DidClient.Answer a = new DidClient(base, auth).post("/talks", Bodies.talk("ak:auth"));
            assertThat(a.status()).as(String.valueOf(auth)).isEqualTo(401);
            assertThat(a.json().get("kind").asString()).isEqualTo("AuthorizationError");
            assertThat(a.json().get("description").asString()).isEqualTo("user unauthenticated");
            assertThat(a.text()).doesNotContain(KEY).doesNotContain("s3cr3t");
        }
        assertThat(fx.sim().stats().creates()).isZero();
    }

    @Test
    void theKeyNeverShowsInAnythingTheSimulatorServes() {
        fx.talk("ak:leak");
        fx.finishRenders();
        DidClient c = fx.client();
        String everything = c.get("/talks").text()
                + c.get("/credits").text()
                + c.get("/_sim/stats").text()
                + c.get("/_sim/faults").text()
                + c.get("/clips/presenters").text();
        assertThat(everything).doesNotContain("s3cr3t").doesNotContain(KEY);
    }
}
