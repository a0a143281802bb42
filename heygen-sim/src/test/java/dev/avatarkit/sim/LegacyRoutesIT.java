package dev.avatarkit.sim;

import static org.assertj.core.api.Assertions.assertThat;

import java.net.URI;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

class LegacyRoutesIT extends SimHarness {
    static final String GENERATE =
            "{\"title\":\"My Title\",\"callback_id\":\"job-1\",\"dimension\":{\"width\":1280,\"height\":720},"
                    + "\"video_inputs\":[{\"character\":{\"type\":\"avatar\",\"avatar_id\":\"Daisy-inskirt-20220818\",\"avatar_style\":\"normal\"},"
                    + "\"voice\":{\"type\":\"text\",\"voice_id\":\"2d5b0e6cf36f460aa7fc47e3eee4ba54\",\"input_text\":\"Welcome!\"}}]}";

    @BeforeEach
    void setUp() {
        start(HeyGenSimulator.builder()
                .port(0)
                .renderTime(Duration.ofMillis(300))
                .concurrency(1));
    }

    String status(String id) throws Exception {
        return (String) get("/v1/video_status.get?video_id=" + id).data().get("status");
    }

    @Test
    void generate_status_list_with_queue_waiting_beyond_concurrency() throws Exception {
        Res a = post("/v2/video/generate", GENERATE);
        assertSameShape("v2_video_generate.json", a.json());
        String first = (String) a.data().get("video_id");
        String second = (String) post("/v2/video/generate", GENERATE.replace("job-1", "job-2"))
                .data()
                .get("video_id");
        assertThat(status(second)).isEqualTo("waiting"); // concurrency 1: the second waits in HeyGen's queue
        awaitCheck(() -> "completed".equals(status(first)), Duration.ofSeconds(5));
        Res done = get("/v1/video_status.get?video_id=" + first);
        assertSameShape("v1_video_status.json", done.json());
        assertThat(done.data().get("callback_id")).isEqualTo("job-1");
        awaitCheck(() -> "completed".equals(status(second)), Duration.ofSeconds(5));

        Res page1 = get("/v1/video.list?limit=1");
        assertSameShape("v1_video_list.json", page1.json());
        String token = (String) page1.data().get("token");
        assertThat(token).isNotNull();
        Res page2 = get("/v1/video.list?limit=1&token=" + token);
        assertThat(page2.data().get("token")).isNull();
        assertThat(get("/v1/video_status.get?video_id=nope").json()).containsEntry("code", 40031.0);
    }

    @Test
    void generate_validation_in_v2_error_shape() throws Exception {
        Res r = post("/v2/video/generate", "{\"video_inputs\":[]}");
        assertThat(r.status()).isEqualTo(400);
        assertSameShape("v2_error.json", r.json());
        assertThat(post("/v2/video/generate", GENERATE.replace("Daisy-inskirt-20220818", "ghost"))
                        .status())
                .isEqualTo(400);
    }

    @Test
    @SuppressWarnings("unchecked")
    void templates_avatars_voices_quota() throws Exception {
        assertSameShape("v2_templates.json", get("/v2/templates").json());
        assertSameShape(
                "v2_template.json",
                get("/v2/template/4d4dee4506a74b4b835a144368135f6a").json());
        Res t = get("/v2/template/" + Catalogue.NAME_TEMPLATE_ID);
        assertThat((Map<String, Object>) t.data().get("variables")).containsKey("name");
        Res gen = post(
                "/v2/template/" + Catalogue.NAME_TEMPLATE_ID + "/generate",
                "{\"title\":\"Hi\",\"variables\":{\"name\":{\"name\":\"name\",\"type\":\"text\",\"properties\":{\"content\":\"Anna\"}}}}");
        assertSameShape("v2_video_generate.json", gen.json());
        Res avatars = get("/v2/avatars");
        assertSameShape("v2_avatars.json", avatars.json());
        assertThat((List<Map<String, Object>>) avatars.data().get("avatars"))
                .extracting(m -> m.get("avatar_id"))
                .contains(Catalogue.DOCS_AVATAR_ID);
        Res voices = get("/v2/voices");
        assertSameShape("v2_voices.json", voices.json());
        assertThat((List<Map<String, Object>>) voices.data().get("voices"))
                .extracting(m -> m.get("voice_id"))
                .contains(Catalogue.DOCS_VOICE_ID);
        assertSameShape(
                "v2_remaining_quota.json", get("/v2/user/remaining_quota").json());
    }

    @Test
    void raw_bytes_asset_upload() throws Exception {
        byte[] jpg = Imaging.thumbnailJpeg("upload");
        HttpResponse<byte[]> r = http.send(
                HttpRequest.newBuilder(URI.create(sim.baseUrl() + "/v1/asset"))
                        .header("X-Api-Key", KEY)
                        .header("Content-Type", "image/jpeg")
                        .POST(HttpRequest.BodyPublishers.ofByteArray(jpg))
                        .build(),
                HttpResponse.BodyHandlers.ofByteArray());
        Map<String, Object> json = JsonMaps.parseObject(r.body());
        assertSameShape("v1_asset.json", json);
        assertThat(((Map<?, ?>) json.get("data")).get("file_type")).isEqualTo("image");
    }

    @Test
    void photo_avatar_generate_group_train_look() throws Exception {
        Res g = post(
                "/v2/photo_avatar/photo/generate",
                "{\"name\":\"Lia\",\"age\":\"Young Adult\",\"gender\":\"Woman\","
                        + "\"ethnicity\":\"Unspecified\",\"orientation\":\"vertical\",\"pose\":\"half_body\",\"style\":\"Realistic\",\"appearance\":\"red hair\"}");
        String gen = (String) g.data().get("generation_id");
        awaitCheck(
                () -> "success"
                        .equals(get("/v2/photo_avatar/generation/" + gen).data().get("status")),
                Duration.ofSeconds(5));
        Res done = get("/v2/photo_avatar/generation/" + gen);
        assertSameShape("v2_photo_generation.json", done.json());
        String key = (String) ((List<?>) done.data().get("image_key_list")).get(0);
        Res group = post("/v2/photo_avatar/avatar_group/create", "{\"name\":\"Lia\",\"image_key\":\"" + key + "\"}");
        String groupId = (String) group.data().get("group_id");
        assertThat(group.data().get("status")).isEqualTo("pending");
        assertThat(post("/v2/photo_avatar/look/generate", "{\"group_id\":\"" + groupId + "\",\"prompt\":\"in a park\"}")
                        .status())
                .isEqualTo(400);
        post("/v2/photo_avatar/train", "{\"group_id\":\"" + groupId + "\"}");
        awaitCheck(
                () -> "ready"
                        .equals(get("/v2/photo_avatar/train/status/" + groupId)
                                .data()
                                .get("status")),
                Duration.ofSeconds(5));
        Res look = post(
                "/v2/photo_avatar/look/generate",
                "{\"group_id\":\"" + groupId + "\",\"prompt\":\"in a park\","
                        + "\"orientation\":\"square\",\"pose\":\"close_up\",\"style\":\"Realistic\"}");
        assertThat(look.data().get("generation_id")).isNotNull();
    }
}
