package dev.avatarkit.didsim;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import tools.jackson.databind.JsonNode;

class ValidationIT {
    @RegisterExtension
    final SimFixture fx = new SimFixture();

    @ParameterizedTest(name = "{0}")
    @CsvSource(delimiter = '|', textBlock = """
      script.input  | {"script":{"type":"text","input":"hi"}}
      script        | {"source_url":"https://a.example/p.png"}
      user_data     | {"script":{"type":"text","input":"Hello there"},"user_data":"   "}
      webhook       | {"script":{"type":"text","input":"Hello there"},"webhook":"http://insecure.example/hook"}
      source_url    | {"source_url":"https://a.example/p.gif","script":{"type":"text","input":"Hello there"}}
      script.audio_url | {"script":{"type":"audio","audio_url":"https://a.example/a.ogg"}}
      config.pad_audio | {"script":{"type":"text","input":"Hello there"},"config":{"pad_audio":61}}
      voice_name    | {"script":{"type":"text","input":"Hello there"},"voice_name":"x"}
      script.type   | {"script":{"type":"video","input":"Hello there"}}
      script.provider.type | {"script":{"type":"text","input":"Hello there","provider":{"type":"acme","voice_id":"x"}}}
      script.provider.voice_id | {"script":{"type":"text","input":"Hello there","provider":{"type":"microsoft"}}}
      """)
    void givenATalkThatBreaksTheSchema_then400ValidationErrorNamingTheField_andNothingCreated(
            String field, String body) {
        DidClient.Answer a = fx.client().post("/talks", body);
        assertThat(a.status()).as(a.text()).isEqualTo(400);
        JsonNode error = a.json();
        assertThat(error.get("kind").asString()).isEqualTo("ValidationError");
        assertThat(error.get("description").asString()).startsWith("'" + field + "'");
        assertThat(error.get("details").get("field").asString()).isEqualTo(field);
        assertThat(fx.sim().stats().creates()).isZero();
    }

    @Test
    void givenATypeNoBranchTakes_thenTheMessageListsTheChoices() {
        DidClient.Answer a = fx.client().post("/talks", "{\"script\":{\"type\":\"video\",\"input\":\"Hello there\"}}");
        assertThat(a.json().get("description").asString())
                .isEqualTo("'script.type' must be one of [text, audio], not \"video\"");
        assertThat(a.json().get("details").get("errors")).hasSize(1);
    }

    @Test
    void givenAListLimitThatIsNotAPositiveNumber_then400NamingLimit() {
        for (String limit : new String[] {"abc", "0", "-3"}) {
            DidClient.Answer a = fx.client().get("/talks?limit=" + limit);
            assertThat(a.status()).as(limit).isEqualTo(400);
            assertThat(a.json().get("details").get("field").asString()).isEqualTo("limit");
        }
    }

    @Test
    void givenAnUnknownPageToken_then400NamingToken() {
        DidClient.Answer a = fx.client().get("/talks?token=bm90LWFuLWlk");
        assertThat(a.status()).isEqualTo(400);
        assertThat(a.json().get("description").asString()).contains("'token'");
    }

    @Test
    void givenABodyThatIsNotJson_then400() {
        DidClient.Answer a = fx.client().post("/talks", "{not json");
        assertThat(a.status()).isEqualTo(400);
        assertThat(a.json().get("kind").asString()).isEqualTo("ValidationError");
    }
}
