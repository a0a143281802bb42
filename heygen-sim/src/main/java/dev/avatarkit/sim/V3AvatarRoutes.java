package dev.avatarkit.sim;

import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

/** v3 avatar groups and looks; {@code POST /v3/avatars} makes one new look (one still) per call. */
final class V3AvatarRoutes {
    private final SimContext ctx;

    V3AvatarRoutes(SimContext ctx) {
        this.ctx = ctx;
    }

    List<Route> routes() {
        Generation g = Generation.V3;
        return List.of(
                new Route("GET", "/v3/avatars", g, false, this::groups),
                new Route("POST", "/v3/avatars", g, true, this::create),
                new Route("GET", "/v3/avatars/looks", g, false, this::looks),
                new Route("GET", "/v3/avatars/looks/{look_id}", g, false, this::look),
                new Route("GET", "/v3/avatars/{group_id}", g, false, this::group));
    }

    private static boolean visible(boolean isPublic, String ownership) {
        return ownership == null || ("public".equals(ownership) == isPublic);
    }

    private SimResponse groups(SimRequest req) {
        int limit = Queries.limit(req, 20, 1, 50);
        if (limit < 0) return Queries.badLimit(1, 50);
        Instant now = ctx.clock().now();
        List<Map<String, Object>> all = new ArrayList<>();
        for (AvatarGroup g : ctx.catalogue().groups()) {
            if (visible(g.isPublic, req.query.get("ownership"))) all.add(g.toV3(ctx.catalogue(), ctx.signer(), now));
        }
        ListPage<Map<String, Object>> page = ListPage.of(all, limit, req.query.get("token"));
        return page == null ? Queries.badToken() : Envelopes.v3List(page);
    }

    private SimResponse group(SimRequest req) {
        AvatarGroup g = ctx.catalogue().group(req.param("group_id"));
        if (g == null) return Envelopes.v3Error(404, "avatar_not_found", "Avatar group not found.", null);
        return Envelopes.v3(g.toV3(ctx.catalogue(), ctx.signer(), ctx.clock().now()));
    }

    private SimResponse looks(SimRequest req) {
        int limit = Queries.limit(req, 20, 1, 50);
        if (limit < 0) return Queries.badLimit(1, 50);
        String groupId = req.query.get("group_id");
        String type = req.query.get("avatar_type");
        Instant now = ctx.clock().now();
        List<Map<String, Object>> all = new ArrayList<>();
        for (Look l : ctx.catalogue().looks()) {
            if (groupId != null && !groupId.equals(l.groupId)) continue;
            if (type != null && !type.equals(l.avatarType)) continue;
            if (visible(l.isPublic, req.query.get("ownership"))) all.add(l.toV3(ctx.signer(), now));
        }
        ListPage<Map<String, Object>> page = ListPage.of(all, limit, req.query.get("token"));
        return page == null ? Queries.badToken() : Envelopes.v3List(page);
    }

    private SimResponse look(SimRequest req) {
        Look l = ctx.catalogue().look(req.param("look_id"));
        if (l == null) return Envelopes.v3Error(404, "avatar_not_found", "Avatar look not found.", null);
        return Envelopes.v3(l.toV3(ctx.signer(), ctx.clock().now()));
    }

    private SimResponse create(SimRequest req) {
        Map<String, Object> body = req.json();
        if (body == null) return Queries.invalid(null, "Request body must be a JSON object.");
        String type = JsonMaps.str(body, "type");
        String name = JsonMaps.str(body, "name");
        if (type == null || !List.of("prompt", "photo", "digital_twin").contains(type)) {
            return Queries.invalid("type", "'type' must be one of prompt, photo, digital_twin.");
        }
        if (name == null || name.isBlank()) return Queries.invalid("name", "'name' is required.");
        String prompt = JsonMaps.str(body, "prompt");
        if ("prompt".equals(type)) {
            if (prompt == null || prompt.isBlank()) return Queries.invalid("prompt", "'prompt' is required.");
            if (prompt.length() > 1000) return Queries.invalid("prompt", "'prompt' must be at most 1000 characters.");
        } else if (body.get("file") == null) {
            return Queries.invalid("file", "'file' is required.");
        }
        AvatarGroup target = null;
        String groupParam = JsonMaps.str(body, "avatar_group_id");
        if (groupParam != null) {
            target = ctx.catalogue().group(groupParam);
            if (target == null || target.isPublic)
                return Envelopes.v3Error(404, "avatar_not_found", "Avatar group not found.", "avatar_group_id");
        }
        String refId = "prompt".equals(type) ? JsonMaps.str(body, "avatar_id") : null;
        if (refId != null) {
            // June 2026: avatar_id is the visual reference; the new look joins that look's group.
            Look ref = ctx.catalogue().look(refId);
            if (ref == null)
                return Envelopes.v3Error(404, "avatar_not_found", "Avatar " + refId + " not found.", "avatar_id");
            if (target != null && !target.id.equals(ref.groupId)) {
                return Queries.invalid("avatar_id", "'avatar_id' is not in the given avatar group.");
            }
            target = ctx.catalogue().group(ref.groupId);
            if (target.isPublic) target = null; // a public reference seeds a new private identity
        }
        Instant now = ctx.clock().now();
        if (target == null) {
            target = new AvatarGroup(
                    "grp_" + WebhookHub.randomHex(8),
                    name,
                    null,
                    Catalogue.DOCS_VOICE_ID,
                    false,
                    now,
                    "digital_twin".equals(type));
            ctx.catalogue().addGroup(target);
        }
        String description = prompt != null ? prompt : name + " (" + type + ")";
        Look look = new Look(
                WebhookHub.randomHex(16),
                name,
                target.id,
                "digital_twin".equals(type) ? "digital_twin" : "photo_avatar",
                null,
                target.defaultVoiceId,
                description,
                false,
                now,
                now.plus(ctx.renderTime()),
                768,
                1024,
                "portrait");
        ctx.catalogue().addLook(look);
        return Envelopes.v3(JsonMaps.obj(
                "avatar_item",
                look.toV3(ctx.signer(), now),
                "avatar_group",
                target.toV3(ctx.catalogue(), ctx.signer(), now)));
    }
}
