package dev.avatarkit.didsim;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

class CreditsIT {
    @RegisterExtension
    final SimFixture fx = new SimFixture(b -> b.credits(1));

    @Test
    void givenOneCredit_whenTwoTalksAreCreated_thenTheSecondIs402_andCreditsShowNoneLeft() {
        fx.talk("ak:c1");
        DidClient.Answer second = fx.client().post("/talks", Bodies.talk("ak:c2"));
        assertThat(second.status()).isEqualTo(402);
        assertThat(second.json().get("kind").asString()).isEqualTo("InsufficientCreditsError");
        assertThat(fx.sim().stats().creates()).isEqualTo(1);
        assertThat(fx.client().get("/credits").json().get("remaining").asLong()).isZero();
    }
}
