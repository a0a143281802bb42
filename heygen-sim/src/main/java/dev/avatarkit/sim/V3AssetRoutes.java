package dev.avatarkit.sim;

import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.CopyOnWriteArrayList;

/**
 * v3 assets: {@code POST /v3/assets} (multipart {@code file}, ≤ 32 MB, keyed), and — from HeyGen's July 2026 schema —
 * {@code GET /v3/assets} (the schema requires {@code username}), {@code GET|DELETE /v3/assets/{asset_id}}, so a
 * client can find and clean up the reference images it uploaded.
 */
final class V3AssetRoutes {
    private static final int MAX_ASSET_BYTES = 32 * 1024 * 1024;
    static final String OWNER = "sim-user";

    /** One uploaded file; its bytes live in the media store under {@code token}. */
    record Asset(String id, String apiKey, String name, String mime, String token, Instant uploadedAt) {
        String fileType() {
            int slash = mime.indexOf('/');
            return slash < 0 ? "file" : mime.substring(0, slash);
        }
    }

    /** Uploaded assets in upload order. */
    static final class Assets {
        private final Map<String, Asset> byId = new ConcurrentHashMap<>();
        private final List<String> order = new CopyOnWriteArrayList<>();

        void add(Asset a) {
            byId.put(a.id(), a);
            order.add(a.id());
        }

        Asset get(String id, String apiKey) {
            Asset a = id == null ? null : byId.get(id);
            return a != null && a.apiKey().equals(apiKey) ? a : null;
        }

        List<Asset> list(String apiKey) {
            List<Asset> out = new ArrayList<>();
            for (String id : order) {
                Asset a = byId.get(id);
                if (a != null && a.apiKey().equals(apiKey)) out.add(a);
            }
            return out;
        }

        void remove(String id) {
            byId.remove(id);
            order.remove(id);
        }

        void clear() {
            byId.clear();
            order.clear();
        }
    }

    private final SimContext ctx;
    private final Assets assets;

    V3AssetRoutes(SimContext ctx, Assets assets) {
        this.ctx = ctx;
        this.assets = assets;
    }

    List<Route> routes() {
        Generation g = Generation.V3;
        return List.of(
                new Route("POST", "/v3/assets", g, true, this::upload),
                new Route("GET", "/v3/assets", g, false, this::list),
                new Route("GET", "/v3/assets/{asset_id}", g, false, this::get),
                new Route("DELETE", "/v3/assets/{asset_id}", g, false, this::delete));
    }

    private SimResponse upload(SimRequest req) {
        if (req.body.length > MAX_ASSET_BYTES) {
            return Envelopes.v3Error(
                    413, "payload_too_large", "File exceeds the 32 MB limit; use direct uploads.", "file");
        }
        Multipart.Part part = Multipart.find(req.header("Content-Type"), req.body, "file");
        if (part == null) return Queries.invalid("file", "multipart/form-data field 'file' is required.");
        String mime = Multipart.sniff(part.bytes(), part.contentType());
        String id = "ast_" + WebhookHub.randomHex(10);
        String token = id + "." + Multipart.extension(mime);
        ctx.media().putBytes(token, mime, part.bytes());
        assets.add(new Asset(
                id,
                req.apiKey(),
                part.filename() == null ? token : part.filename(),
                mime,
                token,
                ctx.clock().now()));
        return Envelopes.v3(JsonMaps.obj(
                "asset_id",
                id,
                "url",
                ctx.signer().fileUrl(token),
                "mime_type",
                mime,
                "size_bytes",
                part.bytes().length));
    }

    private SimResponse list(SimRequest req) {
        int limit = Queries.limit(req, 20, 1, 100);
        if (limit < 0) return Queries.badLimit(1, 100);
        List<Map<String, Object>> all = new ArrayList<>();
        for (Asset a : assets.list(req.apiKey())) all.add(item(a));
        ListPage<Map<String, Object>> page = ListPage.of(all, limit, req.query.get("token"));
        return page == null ? Queries.badToken() : Envelopes.v3List(page);
    }

    private SimResponse get(SimRequest req) {
        Asset a = assets.get(req.param("asset_id"), req.apiKey());
        return a == null ? notFound() : Envelopes.v3(item(a));
    }

    private SimResponse delete(SimRequest req) {
        Asset a = assets.get(req.param("asset_id"), req.apiKey());
        if (a == null) return notFound();
        assets.remove(a.id());
        return Envelopes.v3(JsonMaps.obj("id", a.id()));
    }

    private Map<String, Object> item(Asset a) {
        return JsonMaps.obj(
                "id",
                a.id(),
                "name",
                a.name(),
                "type",
                a.fileType(),
                "owner",
                OWNER,
                "space_id",
                "space_sim",
                "folder_id",
                null,
                "uploaded_at",
                a.uploadedAt().getEpochSecond(),
                "url",
                ctx.signer().fileUrl(a.token()));
    }

    private static SimResponse notFound() {
        return Envelopes.v3Error(404, "not_found", "Asset not found.", null);
    }
}
