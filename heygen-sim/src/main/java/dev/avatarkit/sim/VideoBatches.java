package dev.avatarkit.sim;

import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;

/** The video batches submitted so far, read by the batch route and by {@code GET /v3/videos/statuses?batch_ids=}. */
final class VideoBatches {
    /** One submitted batch; {@code videoIds[i]} is null where item i failed before rendering (see {@code errors[i]}). */
    record Batch(
            String id,
            String apiKey,
            String title,
            Instant createdAt,
            List<String> videoIds,
            List<Map<String, Object>> errors) {}

    private final Map<String, Batch> batches = new ConcurrentHashMap<>();

    Batch add(String apiKey, String title, Instant at, List<String> videoIds, List<Map<String, Object>> errors) {
        Batch b = new Batch(
                "batch_" + WebhookHub.randomHex(12),
                apiKey,
                title,
                at,
                java.util.Collections.unmodifiableList(new ArrayList<>(videoIds)),
                java.util.Collections.unmodifiableList(new ArrayList<>(errors)));
        batches.put(b.id(), b);
        return b;
    }

    /** The batch if it exists and belongs to this key. */
    Batch get(String id, String apiKey) {
        Batch b = id == null ? null : batches.get(id);
        return b != null && b.apiKey().equals(apiKey) ? b : null;
    }

    /** The items of a batch as {@code GET /v3/videos/statuses} also reports them. */
    List<Map<String, Object>> items(Batch b, SimContext ctx) {
        List<Map<String, Object>> out = new ArrayList<>();
        for (int i = 0; i < b.videoIds().size(); i++) {
            String id = b.videoIds().get(i);
            VideoJob j = id == null ? null : ctx.engine().get(id).orElse(null);
            String status = j == null ? "failed" : j.bulkStatus(ctx.clock().now(), ctx.renderTime());
            Map<String, Object> error = j == null
                    ? b.errors().get(i)
                    : j.state == VideoJob.State.FAILED
                            ? JsonMaps.obj("code", j.failCode, "message", j.failMessage)
                            : null;
            out.add(JsonMaps.obj(
                    "video_id", id, "batch_id", b.id(), "item_index", i, "status", status, "error", error));
        }
        return out;
    }

    Batch batch(String id, String apiKey) {
        Batch b = batches.get(id);
        return b != null && b.apiKey().equals(apiKey) ? b : null;
    }

    void clear() {
        batches.clear();
    }
}
