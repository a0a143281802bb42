package dev.avatarkit.did;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.avatarkit.core.port.ProviderEvent;
import dev.avatarkit.core.port.WebhookRejectedException;
import java.nio.charset.StandardCharsets;
import java.util.Map;
import org.junit.jupiter.api.Test;

/** D-ID's unsigned webhooks become hints that name the render and our key, and nothing else. */
class DidWebhooksTest {
    private final DidWebhooks webhooks = new DidWebhooks();

    private ProviderEvent deliver(String body) {
        return webhooks.verify(Map.of(), body.getBytes(StandardCharsets.UTF_8));
    }

    @Test
    void givenATalkObject_whenDelivered_thenTheEventNamesTheTalkAndTheKeyFromUserData() {
        ProviderEvent event =
                deliver("{\"id\":\"tlk_1\",\"object\":\"talk\",\"status\":\"done\",\"user_data\":\"ak-01J\","
                        + "\"name\":\"other\",\"result_url\":\"https://evil.example.com/x.mp4\"}");
        assertThat(event.providerRef()).isEqualTo("talk:tlk_1");
        assertThat(event.correlationId()).isEqualTo("ak-01J");
        assertThat(event.type()).isEqualTo("d-id.talk");
        assertThat(event.toString()).doesNotContain("evil.example.com", "done");
    }

    @Test
    void givenNoUserData_whenDelivered_thenTheNameIsTheKey() {
        assertThat(deliver("{\"id\":\"clp_1\",\"name\":\"ak-02K\"}").correlationId())
                .isEqualTo("ak-02K");
        assertThat(deliver("{\"id\":\"clp_1\",\"name\":\"ak-02K\"}").providerRef())
                .isEqualTo("clip:clp_1");
    }

    @Test
    void givenTheSameDeliveryTwice_thenTheSameEventIdAndALaterStatusIsANewHint() {
        String started = "{\"id\":\"tlk_1\",\"status\":\"started\",\"user_data\":\"k\"}";
        assertThat(deliver(started).eventId()).isEqualTo(deliver(started).eventId());
        assertThat(deliver(started.replace("started", "done")).eventId())
                .isNotEqualTo(deliver(started).eventId());
    }

    @Test
    void givenSomethingThatIsNotAJob_whenDelivered_thenRejected() {
        assertThatThrownBy(() -> deliver("")).isInstanceOf(WebhookRejectedException.class);
        assertThatThrownBy(() -> deliver("not json")).isInstanceOf(WebhookRejectedException.class);
        assertThatThrownBy(() -> deliver("{\"status\":\"done\"}")).isInstanceOf(WebhookRejectedException.class);
        assertThatThrownBy(() -> webhooks.verify(Map.of(), new byte[DidWebhooks.MAX_BODY_BYTES + 1]))
                .isInstanceOf(WebhookRejectedException.class);
    }
}
