package dev.avatarkit.sim;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/** The published contract catches what issue 18 found the simulator accepting, and passes what HeyGen documents. */
class WireSchemaTest {
    private static final WireSchema SCHEMA = WireSchema.published();

    private static List<Violation> post(String template, String json) {
        return SCHEMA.request(
                "POST", template, Map.of(), h -> null, "application/json", json.getBytes(StandardCharsets.UTF_8));
    }

    @ParameterizedTest(name = "{0}")
    @CsvSource(delimiter = '|', textBlock = """
      aspect 21:9            | /v3/videos | {"type":"avatar","avatar_id":"a","script":"Hi","aspect_ratio":"21:9"} | aspect_ratio
      resolution 8k          | /v3/videos | {"type":"avatar","avatar_id":"a","script":"Hi","resolution":"8k"} | resolution
      colour without value   | /v3/videos | {"type":"avatar","avatar_id":"a","background":{"type":"color"}} | background.value
      unknown type           | /v3/videos | {"type":"hologram"} | type
      cinematic id as string | /v3/videos | {"type":"cinematic_avatar","prompt":"walk","avatar_id":"a"} | avatar_id
      image script no voice  | /v3/videos | {"type":"image","image":{"type":"url","url":"https://x/y.png"},"script":"Hi"} | voice_id
      studio colour as value | /v3/videos | {"type":"studio","scenes":[{"type":"avatar_video","input":{"type":"avatar","avatar_id":"a","background":{"type":"color","value":"#fff"}}}]} | scenes[0].input.background.color
      201-char prompt        | /v3/avatars | {"type":"prompt","name":"n","prompt":"%s"} | prompt
      bare template variable | /v3/templates/{template_id} | {"variables":{"name":"Ann"}} | variables.name
      v2 speed 3.0           | /v2/video/generate | {"video_inputs":[{"character":{"type":"avatar","avatar_id":"a"},"voice":{"type":"text","voice_id":"v","input_text":"Hi","speed":3.0}}]} | video_inputs[0].voice.speed
      v2 odd dimension       | /v2/video/generate | {"video_inputs":[{"character":{"type":"avatar","avatar_id":"a"},"voice":{"type":"text","voice_id":"v","input_text":"Hi"}}],"dimension":{"width":1921,"height":1080}} | dimension.width
      v2 aspect_ratio        | /v2/video/generate | {"video_inputs":[{"character":{"type":"avatar","avatar_id":"a"},"voice":{"type":"text","voice_id":"v","input_text":"Hi"}}],"aspect_ratio":"16:9"} | aspect_ratio
      photo age twenties     | /v2/photo_avatar/photo/generate | {"name":"n","age":"twenties","gender":"Woman","ethnicity":"Unspecified","orientation":"square","pose":"half_body","style":"Realistic","appearance":"a"} | age
      """)
    void givenWhatIssue18FoundAccepted_whenValidated_thenTheFieldIsNamed(
            String what, String template, String json, String param) {
        List<Violation> v = post(template, json.formatted("p".repeat(201)));
        assertThat(v).as(what).isNotEmpty();
        assertThat(v).as(what + ": " + v).anyMatch(x -> x.param().equals(param));
    }

    @Test
    void givenA1600CharacterLegacyScene_thenInputTextIsTooLong() {
        String json =
                "{\"video_inputs\":[{\"character\":{\"type\":\"avatar\",\"avatar_id\":\"a\"},\"voice\":{\"type\":\"text\","
                        + "\"voice_id\":\"v\",\"input_text\":\"" + "x".repeat(1600) + "\"}}]}";
        assertThat(post("/v2/video/generate", json))
                .extracting(Violation::param)
                .contains("video_inputs[0].voice.input_text");
    }

    @ParameterizedTest(name = "{0}")
    @CsvSource(delimiter = '|', textBlock = """
      docs avatar video    | /v3/videos | {"type":"avatar","avatar_id":"Daisy-inskirt-20220818","script":"Hi","voice_id":"v","aspect_ratio":"9:16","background":{"type":"color","value":"#FAFAFA"}}
      studio colour        | /v3/videos | {"type":"studio","scenes":[{"type":"avatar_video","input":{"type":"avatar","avatar_id":"a","script":"Hi","background":{"type":"color","color":"#FAFAFA"}}}]}
      still with reference | /v3/avatars | {"type":"prompt","name":"n","prompt":"smiling, close-up","avatar_id":"look_1"}
      template variable    | /v3/templates/{template_id} | {"variables":{"name":{"name":"name","type":"text","properties":{"content":"Ann"}}}}
      v2 docs example      | /v2/video/generate | {"video_inputs":[{"character":{"type":"avatar","avatar_id":"a","avatar_style":"normal"},"voice":{"type":"text","voice_id":"v","input_text":"Hi","speed":1.1}}],"dimension":{"width":1280,"height":720},"aspect_ratio":null}
      """)
    void givenDocumentedRequests_whenValidated_thenTheyPass(String what, String template, String json) {
        assertThat(post(template, json)).as(what).isEmpty();
    }

    @Test
    void givenQueryParameters_thenTypesAndRangesComeFromTheSchema() {
        assertThat(SCHEMA.request("GET", "/v3/videos", Map.of("limit", "500"), h -> null, null, new byte[0]))
                .extracting(Violation::param)
                .containsExactly("limit");
        assertThat(SCHEMA.request("GET", "/v3/videos", Map.of("limit", "ten"), h -> null, null, new byte[0]))
                .isNotEmpty();
        assertThat(SCHEMA.request("GET", "/v3/videos", Map.of("limit", "100"), h -> null, null, new byte[0]))
                .isEmpty();
        assertThat(SCHEMA.request("GET", "/v1/video_status.get", Map.of(), h -> null, null, new byte[0]))
                .extracting(Violation::param)
                .containsExactly("video_id");
    }

    @Test
    void givenTheJulySchema_thenOnlyDeclaredRoutesAreKeyed() {
        assertThat(SCHEMA.declaresIdempotencyKey("POST", "/v3/videos")).isTrue();
        assertThat(SCHEMA.declaresIdempotencyKey("POST", "/v3/avatars")).isTrue();
        assertThat(SCHEMA.declaresIdempotencyKey("POST", "/v3/templates/{template_id}"))
                .isFalse();
    }

    @Test
    void givenAResponse_thenItIsCheckedAgainstTheStatusSchema() {
        byte[] bad = "{\"data\":{\"id\":\"v1\",\"status\":\"rendering\"}}".getBytes(StandardCharsets.UTF_8);
        byte[] good = "{\"data\":{\"id\":\"v1\",\"status\":\"processing\"}}".getBytes(StandardCharsets.UTF_8);
        assertThat(SCHEMA.response("GET", "/v3/videos/{video_id}", 200, "application/json", bad))
                .extracting(Violation::param)
                .containsExactly("data.status");
        assertThat(SCHEMA.response("GET", "/v3/videos/{video_id}", 200, "application/json", good))
                .isEmpty();
    }
}
