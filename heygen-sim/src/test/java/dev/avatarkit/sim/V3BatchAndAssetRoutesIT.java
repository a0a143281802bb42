package dev.avatarkit.sim;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

/** The official v3 routes added for issue 18: video batches and asset listing/deletion. */
class V3BatchAndAssetRoutesIT extends SimHarness {
    private static final String ITEM =
            "{\"type\":\"avatar\",\"avatar_id\":\"Daisy-inskirt-20220818\",\"script\":\"Hi %d\","
                    + "\"voice_id\":\"2d5b0e6cf36f460aa7fc47e3eee4ba54\"}";

    @Test
    @SuppressWarnings("unchecked")
    void givenABatchBeyondTheConcurrencyLimit_whenPolled_thenItemsQueueRenderAndTheBatchCompletes() throws Exception {
        start(HeyGenSimulator.builder()
                .port(0)
                .renderTime(Duration.ofMillis(50))
                .concurrency(2));
        String items = String.join(
                ",",
                ITEM.formatted(1),
                ITEM.formatted(2),
                ITEM.formatted(3),
                "{\"type\":\"avatar\",\"avatar_id\":\"nobody\",\"script\":\"x\",\"voice_id\":\"2d5b0e6cf36f460aa7fc47e3eee4ba54\"}");
        Res created = post("/v3/videos/batches", "{\"title\":\"four\",\"videos\":[" + items + "]}");
        assertThat(created.status()).isEqualTo(202);
        String id = (String) ((Map<String, Object>) created.json().get("data")).get("batch_id");

        awaitCheck(
                () -> "completed"
                        .equals(((Map<String, Object>)
                                        get("/v3/videos/batches/" + id).json().get("data"))
                                .get("status")),
                Duration.ofSeconds(5));
        Map<String, Object> batch =
                (Map<String, Object>) get("/v3/videos/batches/" + id).json().get("data");
        assertThat(batch.get("counts_by_status")).isEqualTo(Map.of("completed", 3.0, "failed", 1.0));
        assertThat(batch).containsEntry("total_items", 4.0).containsEntry("title", "four");
        List<Map<String, Object>> statuses = (List<Map<String, Object>>)
                get("/v3/videos/statuses?batch_ids=" + id).json().get("data");
        assertThat(statuses)
                .hasSize(4)
                .allSatisfy(s -> assertThat(s.get("batch_id")).isEqualTo(id));
        assertThat(((Map<String, Object>) statuses.get(3).get("error")).get("code"))
                .isEqualTo("avatar_not_found");
        assertThat(get("/v3/videos/batches/batch_nope").status()).isEqualTo(404);
    }

    @Test
    void givenABatchItemThatBreaksTheSchema_thenTheWholeBatchIsRefusedNamingTheItem() throws Exception {
        start(HeyGenSimulator.builder().port(0));
        Res r = post(
                "/v3/videos/batches",
                "{\"videos\":[" + ITEM.formatted(1)
                        + ",{\"type\":\"avatar\",\"avatar_id\":\"a\",\"resolution\":\"8k\"}]}");
        assertThat(r.status()).isEqualTo(400);
        assertThat(((Map<?, ?>) r.json().get("error")).get("param")).isEqualTo("videos[1].resolution");
    }

    @Test
    @SuppressWarnings("unchecked")
    void givenAnUploadedAsset_whenListedAndDeleted_thenItIsGone() throws Exception {
        start(HeyGenSimulator.builder().port(0));
        String boundary = "b0undary";
        String multipart =
                "--" + boundary + "\r\nContent-Disposition: form-data; name=\"file\"; filename=\"face.png\"\r\n"
                        + "Content-Type: image/png\r\n\r\nPNGDATA\r\n--" + boundary + "--\r\n";
        Res up = call("POST", "/v3/assets", multipart, "Content-Type", "multipart/form-data; boundary=" + boundary);
        String id = (String) ((Map<String, Object>) up.json().get("data")).get("asset_id");

        assertThat(get("/v3/assets").status())
                .as("username is required by the schema")
                .isEqualTo(400);
        List<Map<String, Object>> listed = (List<Map<String, Object>>)
                get("/v3/assets?username=sim-user").json().get("data");
        assertThat(listed).extracting(a -> a.get("id")).containsExactly(id);
        assertThat(listed.get(0)).containsEntry("name", "face.png").containsEntry("type", "image");
        assertThat(call("DELETE", "/v3/assets/" + id, null).status()).isEqualTo(200);
        assertThat(get("/v3/assets/" + id).status()).isEqualTo(404);
        assertThat((List<?>) get("/v3/assets?username=sim-user").json().get("data"))
                .isEmpty();
    }
}
