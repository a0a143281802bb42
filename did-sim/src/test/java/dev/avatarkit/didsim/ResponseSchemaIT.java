package dev.avatarkit.didsim;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

/** The simulator's own answers hold to D-ID's published response schemas (widened only by did-decisions.json). */
class ResponseSchemaIT {
    @RegisterExtension
    final SimFixture fx = new SimFixture();

    private void conforms(String method, String template, DidClient.Answer a) {
        assertThat(DidSchema.published().response(method, template, a.status(), a.bytes()))
                .as(method + " " + template + " " + a.status() + ": " + a.text())
                .isEmpty();
    }

    @Test
    void talksClipsCataloguesAndErrorsMatchTheirSchemas() {
        DidClient c = fx.client();
        DidClient.Answer talk = c.post("/talks", Bodies.talk("ak:schema"));
        conforms("POST", "/talks", talk);
        DidClient.Answer clip = c.post("/clips", Bodies.clip("jack-Pt27VkP3hW", "ak:schema-clip"));
        conforms("POST", "/clips", clip);
        String talkId = talk.json().get("id").asString();
        String clipId = clip.json().get("id").asString();
        conforms("GET", "/talks/{id}", c.get("/talks/" + talkId));
        conforms("DELETE", "/talks/{id}", c.delete("/talks/" + talkId));
        fx.finishRenders();
        conforms("GET", "/talks/{id}", c.get("/talks/" + talkId));
        conforms("GET", "/talks", c.get("/talks"));
        conforms("GET", "/clips/{id}", c.get("/clips/" + clipId));
        conforms("GET", "/clips", c.get("/clips?limit=1"));
        conforms("GET", "/clips/presenters", c.get("/clips/presenters?limit=2"));
        conforms("GET", "/tts/voices", c.get("/tts/voices"));
        conforms("GET", "/credits", c.get("/credits"));
        conforms("GET", "/talks/{id}", c.get("/talks/tlk_unknown"));
        conforms("DELETE", "/talks/{id}", c.delete("/talks/" + talkId));
    }

    @Test
    void aDeliberatelyWrongBodyIsCaught_soTheChecksAboveCanFail() {
        byte[] wrong = "{\"id\":\"tlk_1\",\"object\":\"talk\",\"status\":\"finished\"}"
                .getBytes(java.nio.charset.StandardCharsets.UTF_8);
        assertThat(DidSchema.published().response("POST", "/talks", 201, wrong)).isNotEmpty();
    }
}
