package dev.avatarkit.heygen;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.avatarkit.core.port.ProviderEvent;
import dev.avatarkit.core.port.WebhookRejectedException;
import dev.avatarkit.testkit.fakes.ManualClock;
import java.nio.charset.StandardCharsets;
import java.util.HexFormat;
import java.util.List;
import java.util.Map;
import javax.crypto.Mac;
import javax.crypto.spec.SecretKeySpec;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

class WebhookVerificationTest {
    static final String SECRET = "whsec_k7x9m2";
    static final byte[] BODY =
            "{\"event_type\":\"avatar_video.success\",\"event_data\":{\"video_id\":\"v1\",\"url\":\"https://x\",\"callback_id\":\"ak-job-1\"}}"
                    .getBytes(StandardCharsets.UTF_8);
    final ManualClock clock = ManualClock.startingAt("2026-05-01T12:00:00Z");
    final HeyGenWebhooks hooks = new HeyGenWebhooks(SECRET, clock);

    static String sign(byte[] body, String secret) throws Exception {
        Mac mac = Mac.getInstance("HmacSHA256");
        mac.init(new SecretKeySpec(secret.getBytes(StandardCharsets.UTF_8), "HmacSHA256"));
        return HexFormat.of().formatHex(mac.doFinal(body));
    }

    @ParameterizedTest
    @ValueSource(strings = {"Heygen-Signature", "x-heygen-signature", "signature", "SIGNATURE", "X-HeyGen-Signature"})
    void givenAGoodSignatureInAnyHeaderVariant_thenTheEventIsParsed(String header) throws Exception {
        ProviderEvent e = hooks.verify(Map.of(header, List.of(sign(BODY, SECRET))), BODY);
        assertThat(e.type()).isEqualTo("avatar_video.success");
        assertThat(e.providerRef()).isEqualTo("v1");
        assertThat(e.correlationId()).isEqualTo("ak-job-1");
        assertThat(e.eventId()).startsWith("sha256:");
    }

    @Test
    void givenAnUnsignedEventIdHeader_thenItIsIgnoredAndTheSignedBodyDecides() throws Exception {
        ProviderEvent e = hooks.verify(
                Map.of("Heygen-Signature", List.of(sign(BODY, SECRET)), "Heygen-Event-Id", List.of("evt_1")), BODY);
        ProviderEvent replay = hooks.verify(
                Map.of("Heygen-Signature", List.of(sign(BODY, SECRET)), "Heygen-Event-Id", List.of("evt_2")), BODY);
        assertThat(e.eventId()).startsWith("sha256:").isEqualTo(replay.eventId());
    }

    @Test
    void givenEventIdInBody_thenItIsTheDedupeId() throws Exception {
        byte[] body =
                "{\"event_id\":\"evt_b\",\"event_type\":\"avatar_video.fail\",\"event_data\":{\"video_id\":\"v2\",\"msg\":\"x\"}}"
                        .getBytes(StandardCharsets.UTF_8);
        assertThat(hooks.verify(Map.of("signature", List.of(sign(body, SECRET))), body)
                        .eventId())
                .isEqualTo("evt_b");
    }

    @Test
    void givenABadSignature_thenRejected() throws Exception {
        assertThatThrownBy(() -> hooks.verify(Map.of("Heygen-Signature", List.of(sign(BODY, "other"))), BODY))
                .isInstanceOf(WebhookRejectedException.class)
                .hasMessageContaining("bad signature");
    }

    @Test
    void givenAMissingSignature_thenRejected() {
        assertThatThrownBy(() -> hooks.verify(Map.of(), BODY))
                .isInstanceOf(WebhookRejectedException.class)
                .hasMessageContaining("missing");
    }

    @Test
    void givenAStaleTimestamp_thenRejected_andAFreshOneAccepted() throws Exception {
        String sig = sign(BODY, SECRET);
        long now = clock.instant().getEpochSecond();
        assertThatThrownBy(() -> hooks.verify(
                        Map.of("Heygen-Signature", List.of(sig), "Heygen-Timestamp", List.of(Long.toString(now - 301))),
                        BODY))
                .isInstanceOf(WebhookRejectedException.class)
                .hasMessageContaining("stale");
        assertThat(hooks.verify(
                        Map.of("Heygen-Signature", List.of(sig), "heygen-timestamp", List.of(Long.toString(now - 120))),
                        BODY))
                .isNotNull();
    }

    @Test
    void givenNoSecretConfigured_thenEverythingIsRejected() throws Exception {
        HeyGenWebhooks none = new HeyGenWebhooks(null, clock);
        assertThatThrownBy(() -> none.verify(Map.of("signature", List.of(sign(BODY, SECRET))), BODY))
                .isInstanceOf(WebhookRejectedException.class);
    }

    @Test
    void givenASignedBodyThatIsNoEvent_thenRejected() throws Exception {
        byte[] body = "[1,2]".getBytes(StandardCharsets.UTF_8);
        assertThatThrownBy(() -> hooks.verify(Map.of("signature", List.of(sign(body, SECRET))), body))
                .isInstanceOf(WebhookRejectedException.class);
    }
}
