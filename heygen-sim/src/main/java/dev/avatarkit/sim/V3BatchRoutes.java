package dev.avatarkit.sim;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * {@code POST /v3/videos/batches} and {@code GET /v3/videos/batches/{batch_id}} (HeyGen's July 2026 schema): many
 * video creates in one call, each item shaped like a {@code POST /v3/videos} body, answered 202 with a batch id.
 * Items that may render are queued past the concurrency limit instead of being refused; an item the catalogue
 * refuses (unknown avatar or voice) is a failed item, not a failed batch.
 */
final class V3BatchRoutes {
    private final SimContext ctx;
    private final VideoService videos;
    private final V3VideoRoutes single;
    private final VideoBatches batches;

    V3BatchRoutes(SimContext ctx, VideoService videos, V3VideoRoutes single, VideoBatches batches) {
        this.ctx = ctx;
        this.videos = videos;
        this.single = single;
        this.batches = batches;
    }

    List<Route> routes() {
        return List.of(
                new Route("POST", "/v3/videos/batches", Generation.V3, false, this::create),
                new Route("GET", "/v3/videos/batches/{batch_id}", Generation.V3, false, this::get));
    }

    private SimResponse create(SimRequest req) {
        Map<String, Object> body = req.json();
        List<Object> items = JsonMaps.list(body, "videos");
        if (items == null || items.isEmpty())
            return Queries.invalid("videos", "'videos' must list at least one video.");
        List<String> ids = new ArrayList<>();
        List<Map<String, Object>> errors = new ArrayList<>();
        for (Object o : items) {
            @SuppressWarnings("unchecked")
            Map<String, Object> item = o instanceof Map<?, ?> m ? (Map<String, Object>) m : Map.of();
            SimResponse refused = single.refusal(item);
            if (refused == null) {
                Map<String, Object> withCallback = new LinkedHashMap<>(item);
                withCallback.putIfAbsent("callback_url", JsonMaps.str(body, "callback_url"));
                VideoService.Result r =
                        videos.createBatchItem(req, V3VideoRoutes.spec(withCallback, JsonMaps.str(item, "script")));
                refused = r.error();
                if (refused == null) {
                    ids.add(r.job().id);
                    errors.add(null);
                    continue;
                }
            }
            ids.add(null);
            errors.add(errorOf(refused));
        }
        VideoBatches.Batch b = batches.add(
                req.apiKey(), JsonMaps.str(body, "title"), ctx.clock().now(), ids, errors);
        return SimResponse.json(202, JsonMaps.obj("data", JsonMaps.obj("batch_id", b.id())));
    }

    private static Map<String, Object> errorOf(SimResponse refused) {
        Map<String, Object> parsed = JsonMaps.parseObject(refused.bytes);
        Map<String, Object> error = JsonMaps.map(parsed, "error");
        return error == null ? JsonMaps.obj("code", "invalid_parameter", "message", "Item refused.") : error;
    }

    private SimResponse get(SimRequest req) {
        VideoBatches.Batch b = batches.get(req.param("batch_id"), req.apiKey());
        if (b == null) return Envelopes.v3Error(404, "not_found", "Batch not found.", null);
        int limit = Queries.limit(req, 100, 1, 100);
        if (limit < 0) return Queries.badLimit(1, 100);
        List<Map<String, Object>> items = batches.items(b, ctx);
        ListPage<Map<String, Object>> page = ListPage.of(items, limit, req.query.get("token"));
        if (page == null) return Queries.badToken();
        Map<String, Object> counts = new LinkedHashMap<>();
        for (Map<String, Object> i : items)
            counts.merge((String) i.get("status"), 1, (x, y) -> (Integer) x + (Integer) y);
        return Envelopes.v3(JsonMaps.obj(
                "batch_id",
                b.id(),
                "title",
                b.title(),
                "status",
                aggregate(counts, items.size()),
                "total_items",
                items.size(),
                "counts_by_status",
                counts,
                "created_at",
                b.createdAt().getEpochSecond(),
                "items",
                page.items(),
                "has_more",
                page.hasMore(),
                "next_token",
                page.nextToken()));
    }

    private static String aggregate(Map<String, Object> counts, int total) {
        int done = ((Integer) counts.getOrDefault("completed", 0)) + ((Integer) counts.getOrDefault("failed", 0));
        if (done < total) return "processing";
        return counts.getOrDefault("completed", 0).equals(0) ? "failed" : "completed";
    }
}
