package dev.avatarkit.didsim;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

class LenientIT {
    @RegisterExtension
    final SimFixture fx = new SimFixture(b -> b.lenient(true));

    @Test
    void givenLenient_whenATalkBreaksTheSchema_thenItIsCreatedAnyway_andTheViolationCounted() {
        DidClient.Answer a = fx.client().post("/talks", """
        {"script":{"type":"text","input":"hi"},"webhook":"http://127.0.0.1:9/hook"}""");
        assertThat(a.status()).isEqualTo(201);
        assertThat(fx.sim().stats().schemaViolations()).isEqualTo(1);
        assertThat(fx.sim().stats().creates()).isEqualTo(1);
    }
}
