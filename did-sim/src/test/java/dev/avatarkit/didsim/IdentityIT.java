package dev.avatarkit.didsim;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import tools.jackson.databind.JsonNode;

class IdentityIT {
    @RegisterExtension
    final SimFixture fx = new SimFixture();

    private void conforms(String method, String template, DidClient.Answer a) {
        assertThat(DidSchema.published().response(method, template, a.status(), a.bytes()))
                .as(method + " " + template + ": " + a.text())
                .isEmpty();
    }

    private String consentDone() {
        DidClient.Answer consent = fx.client().post("/consents", "{\"language\":\"english\"}");
        assertThat(consent.status()).isEqualTo(201);
        conforms("POST", "/consents", consent);
        assertThat(consent.json().get("text").asString().split(" ")).hasSize(3);
        String id = consent.json().get("id").asString();
        DidClient.Answer uploaded = fx.client()
                .post("/consents/" + id, "{\"source_url\":\"https://media.example.com/consent.mp4\",\"name\":\"Ava\"}");
        assertThat(uploaded.status()).as(uploaded.text()).isEqualTo(200);
        assertThat(fx.client().get("/consents/" + id).json().get("status").asString())
                .isEqualTo("validating");
        fx.finishRenders();
        DidClient.Answer done = fx.client().get("/consents/" + id);
        conforms("GET", "/consents/{id}", done);
        assertThat(done.json().get("status").asString()).isEqualTo("done");
        return id;
    }

    @Test
    void givenAValidatedConsent_whenASceneAvatarIsTrained_thenItEndsDoneWithAnImageThatIsARealPng() {
        String consent = consentDone();
        DidClient.Answer created = fx.client().post("/scenes/avatars", """
        {"source_url":"https://media.example.com/footage.mp4","consent_id":"%s","name":"Ava","user_data":"ak:id-1"}""".formatted(consent));
        assertThat(created.status()).as(created.text()).isEqualTo(201);
        conforms("POST", "/scenes/avatars", created);
        String id = created.json().get("id").asString();
        fx.clock.advance(Duration.ofSeconds(3));
        assertThat(fx.client().get("/scenes/avatars/" + id).json().get("status").asString())
                .isEqualTo("training-started");
        fx.finishRenders();
        DidClient.Answer done = fx.client().get("/scenes/avatars/" + id);
        conforms("GET", "/scenes/avatars/{id}", done);
        JsonNode avatar = done.json();
        assertThat(avatar.get("status").asString()).isEqualTo("done");
        assertThat(avatar.get("user_data").asString()).isEqualTo("ak:id-1");
        byte[] png = fx.client().fetch(avatar.get("image_url").asString()).bytes();
        assertThat(png).startsWith((byte) 0x89, (byte) 'P', (byte) 'N', (byte) 'G');
        conforms("GET", "/scenes/avatars", fx.client().get("/scenes/avatars"));
        assertThat(fx.client().delete("/scenes/avatars/" + id).status()).isEqualTo(204);
    }

    @Test
    void aConsentNotYetValidated_orUploadedAfter30Minutes_isRefused() {
        String fresh = fx.client()
                .post("/consents", "{\"language\":\"english\"}")
                .json()
                .get("id")
                .asString();
        DidClient.Answer early = fx.client().post("/scenes/avatars", """
        {"source_url":"https://media.example.com/footage.mp4","consent_id":"%s"}""".formatted(fresh));
        assertThat(early.status()).isEqualTo(400);
        assertThat(early.json().get("description").asString()).contains("consent_id");
        fx.clock.advance(Duration.ofMinutes(31));
        DidClient.Answer late = fx.client()
                .post(
                        "/consents/" + fresh,
                        "{\"source_url\":\"https://media.example.com/consent.mp4\",\"name\":\"Ava\"}");
        assertThat(late.status()).isEqualTo(400);
        assertThat(late.json().get("description").asString()).contains("expired");
        assertThat(fx.client()
                        .post("/consents", "{}")
                        .json()
                        .get("details")
                        .get("field")
                        .asString())
                .isEqualTo("language");
    }
}
