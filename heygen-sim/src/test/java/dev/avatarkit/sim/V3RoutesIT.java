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

class V3RoutesIT extends SimHarness {
    @BeforeEach
    void setUp() {
        start(HeyGenSimulator.builder().port(0).renderTime(Duration.ofMillis(600)));
    }

    @Test
    void video_create_then_poll_until_completed_with_reference_shapes() throws Exception {
        Res created = post(
                "/v3/videos",
                "{\"type\":\"avatar\",\"avatar_id\":\"Daisy-inskirt-20220818\",\"script\":\"Hi.\","
                        + "\"voice_id\":\"2d5b0e6cf36f460aa7fc47e3eee4ba54\",\"title\":\"t1\"}");
        assertSameShape("v3_video_create.json", created.json());
        assertThat(created.data().get("status")).isEqualTo("waiting");
        assertThat(created.headers().firstValue("X-Request-Id")).isPresent();
        String id = (String) created.data().get("video_id");
        assertThat(v3Status(id)).isIn("pending", "processing");
        awaitCheck(() -> "completed".equals(v3Status(id)), Duration.ofSeconds(5));
        Res got = get("/v3/videos/" + id);
        assertSameShape("v3_video_get.json", got.json());
        assertThat((String) got.data().get("video_url"))
                .startsWith(sim.baseUrl() + "/_sim/files/" + id + ".mp4?expires=");
    }

    @Test
    void list_statuses_and_delete() throws Exception {
        String a = createV3Video(",\"title\":\"alpha\"");
        String b = createV3Video(",\"title\":\"beta\"");
        Res list = get("/v3/videos?limit=1");
        assertSameShape("v3_list.json", list.json());
        assertThat(list.json().get("has_more")).isEqualTo(true);
        Res page2 = get("/v3/videos?limit=1&token=" + list.json().get("next_token"));
        assertThat(((List<?>) page2.json().get("data"))).hasSize(1);
        assertThat(get("/v3/videos?limit=0").status()).isEqualTo(400);
        assertThat(get("/v3/videos?limit=0").json())
                .extracting(m -> ((Map<?, ?>) m.get("error")).get("param"))
                .isEqualTo("limit");

        Res statuses = get("/v3/videos/statuses?video_ids=" + a + "," + b + ",nope");
        assertSameShape("v3_statuses.json", statuses.json());
        List<?> items = (List<?>) statuses.json().get("data");
        assertThat(items).hasSize(3);
        assertThat(((Map<?, ?>) items.get(2)).get("status")).isEqualTo("not_found");

        Res del = call("DELETE", "/v3/videos/" + a, null);
        assertThat(del.data()).containsEntry("id", a).containsEntry("deleted", true);
        Res gone = get("/v3/videos/" + a);
        assertThat(gone.status()).isEqualTo(404);
        assertSameShape("v3_error_404.json", gone.json());
    }

    @Test
    void create_validation_errors() throws Exception {
        Res noType = post("/v3/videos", "{}");
        assertThat(noType.status()).isEqualTo(400);
        assertThat(((Map<?, ?>) noType.json().get("error")).get("code")).isEqualTo("invalid_parameter");
        Res badAvatar = post(
                "/v3/videos",
                "{\"type\":\"avatar\",\"avatar_id\":\"nobody\",\"script\":\"x\",\"voice_id\":\"2d5b0e6cf36f460aa7fc47e3eee4ba54\"}");
        assertThat(badAvatar.status()).isEqualTo(404);
        assertThat(((Map<?, ?>) badAvatar.json().get("error")).get("code")).isEqualTo("avatar_not_found");
    }

    @Test
    @SuppressWarnings("unchecked")
    void templates_list_get_generate() throws Exception {
        Res list = get("/v3/templates");
        assertSameShape("v3_templates.json", list.json());
        Res t = get("/v3/templates/" + Catalogue.NAME_TEMPLATE_ID);
        Map<String, Object> vars = (Map<String, Object>) t.data().get("variables");
        assertThat(vars).containsKey("name");
        Res gen = post(
                "/v3/templates/" + Catalogue.NAME_TEMPLATE_ID,
                "{\"variables\":{\"name\":{\"name\":\"name\",\"type\":\"text\",\"properties\":{\"content\":\"Anna\"}}}}");
        assertSameShape("v3_video_get.json", gen.json());
        assertThat(get("/v3/templates/missing").status()).isEqualTo(404);
        assertThat(post("/v3/templates/" + Catalogue.NAME_TEMPLATE_ID, "{\"variables\":{\"nope\":{}}}")
                        .status())
                .isEqualTo(400);
    }

    @Test
    void avatars_prompt_looks_with_identity_reference_complete_with_distinct_stills() throws Exception {
        assertThat((List<?>) get("/v3/avatars?ownership=public").json().get("data"))
                .isNotEmpty();
        Res base =
                post("/v3/avatars", "{\"type\":\"prompt\",\"name\":\"Mia\",\"prompt\":\"young woman, studio light\"}");
        assertSameShape("v3_avatar_create.json", base.json());
        Map<?, ?> item = (Map<?, ?>) base.data().get("avatar_item");
        String baseLook = (String) item.get("id");
        String group = (String) item.get("group_id");
        assertThat(item.get("status")).isEqualTo("processing");
        Res angle = post(
                "/v3/avatars",
                "{\"type\":\"prompt\",\"name\":\"Mia left\",\"prompt\":\"same woman, three-quarter view facing left\",\"avatar_id\":\""
                        + baseLook + "\"}");
        String look2 = (String) ((Map<?, ?>) angle.data().get("avatar_item")).get("id");
        assertThat(((Map<?, ?>) angle.data().get("avatar_item")).get("group_id"))
                .isEqualTo(group);
        assertThat(post(
                                "/v3/avatars",
                                "{\"type\":\"prompt\",\"name\":\"x\",\"prompt\":\"p\",\"avatar_id\":\"missing\"}")
                        .status())
                .isEqualTo(404);
        awaitCheck(
                () -> "completed"
                        .equals(get("/v3/avatars/looks/" + look2).data().get("status")),
                Duration.ofSeconds(5));
        assertThat((List<?>) get("/v3/avatars/looks?group_id=" + group).json().get("data"))
                .hasSize(2);
        String url1 = (String) get("/v3/avatars/looks/" + baseLook).data().get("preview_image_url");
        String url2 = (String) get("/v3/avatars/looks/" + look2).data().get("preview_image_url");
        byte[] png1 = http.send(
                        HttpRequest.newBuilder(URI.create(url1)).build(), HttpResponse.BodyHandlers.ofByteArray())
                .body();
        byte[] png2 = http.send(
                        HttpRequest.newBuilder(URI.create(url2)).build(), HttpResponse.BodyHandlers.ofByteArray())
                .body();
        assertThat(javax.imageio.ImageIO.read(new java.io.ByteArrayInputStream(png1)))
                .isNotNull();
        assertThat(png1).isNotEqualTo(png2);
        assertThat(get("/v3/avatars/" + group).data().get("looks_count")).isEqualTo(2.0);
        Res photo = post(
                "/v3/avatars",
                "{\"type\":\"photo\",\"name\":\"P\",\"file\":{\"type\":\"url\",\"url\":\"https://x/y.png\"}}");
        assertThat(photo.status()).isEqualTo(200);
    }

    @Test
    void assets_multipart_upload_and_users_me() throws Exception {
        byte[] png = Imaging.stillPng("asset", 0, 64, 64);
        String boundary = "----simboundary";
        byte[] head = ("--" + boundary + "\r\nContent-Disposition: form-data; name=\"file\"; filename=\"a.png\"\r\n"
                        + "Content-Type: image/png\r\n\r\n")
                .getBytes();
        byte[] tail = ("\r\n--" + boundary + "--\r\n").getBytes();
        byte[] body = new byte[head.length + png.length + tail.length];
        System.arraycopy(head, 0, body, 0, head.length);
        System.arraycopy(png, 0, body, head.length, png.length);
        System.arraycopy(tail, 0, body, head.length + png.length, tail.length);
        HttpResponse<byte[]> r = http.send(
                HttpRequest.newBuilder(URI.create(sim.baseUrl() + "/v3/assets"))
                        .header("x-api-key", KEY)
                        .header("Content-Type", "multipart/form-data; boundary=" + boundary)
                        .POST(HttpRequest.BodyPublishers.ofByteArray(body))
                        .build(),
                HttpResponse.BodyHandlers.ofByteArray());
        Map<String, Object> json = JsonMaps.parseObject(r.body());
        assertSameShape("v3_asset.json", json);
        Map<?, ?> data = (Map<?, ?>) json.get("data");
        assertThat(data.get("mime_type")).isEqualTo("image/png");
        assertThat(((Number) data.get("size_bytes")).intValue()).isEqualTo(png.length);
        byte[] back = http.send(
                        HttpRequest.newBuilder(URI.create((String) data.get("url")))
                                .build(),
                        HttpResponse.BodyHandlers.ofByteArray())
                .body();
        assertThat(back).isEqualTo(png);
        assertThat(post("/v3/assets", "{}").status()).isEqualTo(400);
        assertSameShape("v3_users_me.json", get("/v3/users/me").json());
    }

    @Test
    void unknown_route_is_404_in_v3_shape() throws Exception {
        Res r = get("/v3/nothing");
        assertThat(r.status()).isEqualTo(404);
        assertThat(r.json()).containsKey("error");
    }
}
