package dev.avatarkit.didsim;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

class KeptUrlsIT {
    @RegisterExtension
    final SimFixture fx = new SimFixture(b -> b.resignOnRead(false).urlTtl(Duration.ofMinutes(30)));

    @Test
    void givenResigningOff_whenTheTalkIsReReadAfterTheTtl_thenItStillGivesTheExpiredLink() {
        String id = fx.talk("ak:kept");
        fx.finishRenders();
        String first = fx.client().get("/talks/" + id).json().get("result_url").asString();
        fx.clock.advance(Duration.ofMinutes(31));
        String again = fx.client().get("/talks/" + id).json().get("result_url").asString();
        assertThat(again).isEqualTo(first);
        assertThat(fx.client().fetch(again).status()).isEqualTo(403);
    }
}
