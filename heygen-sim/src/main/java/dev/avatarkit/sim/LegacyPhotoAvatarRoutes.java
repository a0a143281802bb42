package dev.avatarkit.sim;

import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;

/** Legacy v2 photo-avatar flow: generate photos, poll the generation, create a group, train it, generate looks. */
final class LegacyPhotoAvatarRoutes {
    private static final int IMAGES_PER_GENERATION = 4;

    /** One photo/look generation; images appear when the render time has passed. */
    private record Generation2(String id, String prompt, Instant readyAt) {}

    private final SimContext ctx;
    private final Map<String, Generation2> generations = new ConcurrentHashMap<>();

    LegacyPhotoAvatarRoutes(SimContext ctx) {
        this.ctx = ctx;
    }

    List<Route> routes() {
        Generation g = Generation.V2;
        return List.of(
                new Route("POST", "/v2/photo_avatar/photo/generate", g, false, this::photoGenerate),
                new Route("GET", "/v2/photo_avatar/generation/{generation_id}", g, false, this::generation),
                new Route("POST", "/v2/photo_avatar/avatar_group/create", g, false, this::groupCreate),
                new Route("POST", "/v2/photo_avatar/avatar_group/add", g, false, this::groupAdd),
                new Route("GET", "/v2/avatar_group/{group_id}/avatars", g, false, this::groupAvatars),
                new Route("POST", "/v2/photo_avatar/train", g, false, this::train),
                new Route("GET", "/v2/photo_avatar/train/status/{group_id}", g, false, this::trainStatus),
                new Route("POST", "/v2/photo_avatar/look/generate", g, false, this::lookGenerate));
    }

    private SimResponse photoGenerate(SimRequest req) {
        Map<String, Object> b = req.json();
        for (String f : List.of("name", "age", "gender", "ethnicity", "orientation", "pose", "style", "appearance")) {
            if (JsonMaps.str(b, f) == null) return Envelopes.v2Error(400, "invalid_parameter", f + " is required.");
        }
        String prompt = JsonMaps.str(b, "appearance") + ", " + JsonMaps.str(b, "pose") + ", "
                + JsonMaps.str(b, "orientation") + ", " + JsonMaps.str(b, "style");
        return Envelopes.v2(JsonMaps.obj("generation_id", startGeneration(prompt)));
    }

    private String startGeneration(String prompt) {
        String id = WebhookHub.randomHex(16);
        generations.put(id, new Generation2(id, prompt, ctx.clock().now().plus(ctx.renderTime())));
        for (int i = 0; i < IMAGES_PER_GENERATION; i++)
            ctx.media().putStill(id + "_" + i + ".png", prompt, i + 1, 768, 1024);
        return id;
    }

    private SimResponse generation(SimRequest req) {
        Generation2 g = generations.get(req.param("generation_id"));
        if (g == null) return Envelopes.v2Error(404, "not_found", "Generation not found.");
        boolean done = !ctx.clock().now().isBefore(g.readyAt());
        List<String> urls = new ArrayList<>();
        List<String> keys = new ArrayList<>();
        if (done) {
            for (int i = 0; i < IMAGES_PER_GENERATION; i++) {
                urls.add(ctx.signer().fileUrl(g.id() + "_" + i + ".png"));
                keys.add("image/" + g.id() + "_" + i + "/original");
            }
        }
        return Envelopes.v2(JsonMaps.obj(
                "id",
                g.id(),
                "status",
                done ? "success" : "in_progress",
                "msg",
                null,
                "image_url_list",
                done ? urls : null,
                "image_key_list",
                done ? keys : null));
    }

    private SimResponse groupCreate(SimRequest req) {
        Map<String, Object> b = req.json();
        String name = JsonMaps.str(b, "name");
        String imageKey = JsonMaps.str(b, "image_key");
        if (name == null || imageKey == null)
            return Envelopes.v2Error(400, "invalid_parameter", "name and image_key are required.");
        Instant now = ctx.clock().now();
        AvatarGroup group =
                new AvatarGroup(WebhookHub.randomHex(16), name, null, Catalogue.DOCS_VOICE_ID, false, now, false);
        ctx.catalogue().addGroup(group);
        Look look = new Look(
                WebhookHub.randomHex(16),
                name,
                group.id,
                "photo_avatar",
                null,
                group.defaultVoiceId,
                name + " " + imageKey,
                false,
                now,
                now.plus(ctx.renderTime()),
                768,
                1024,
                "portrait");
        ctx.catalogue().addLook(look);
        return Envelopes.v2(look.toLegacyPhoto(ctx.signer(), now));
    }

    /** §8.2 add: one more photo look per image key (the group trains on all of them). */
    private SimResponse groupAdd(SimRequest req) {
        Map<String, Object> b = req.json();
        AvatarGroup g = ctx.catalogue().group(JsonMaps.str(b, "group_id"));
        if (g == null || g.isPublic) return Envelopes.v2Error(404, "not_found", "Avatar group not found.");
        Instant now = ctx.clock().now();
        List<Object> added = new ArrayList<>();
        for (Object key : JsonMaps.list(b, "image_keys")) {
            Look look = new Look(
                    WebhookHub.randomHex(16),
                    JsonMaps.str(b, "name"),
                    g.id,
                    "photo_avatar",
                    null,
                    g.defaultVoiceId,
                    JsonMaps.str(b, "name") + " " + key,
                    false,
                    now,
                    now.plus(ctx.renderTime()),
                    768,
                    1024,
                    "portrait");
            ctx.catalogue().addLook(look);
            added.add(look.toLegacyPhoto(ctx.signer(), now));
        }
        return Envelopes.v2(JsonMaps.obj("photo_avatar_list", added));
    }

    /** §5.2: the looks of one group, each with its image. */
    private SimResponse groupAvatars(SimRequest req) {
        AvatarGroup g = ctx.catalogue().group(req.param("group_id"));
        if (g == null) return Envelopes.v2Error(404, "not_found", "Avatar group not found.");
        Instant now = ctx.clock().now();
        List<Object> looks = new ArrayList<>();
        for (Look l : ctx.catalogue().looks())
            if (g.id.equals(l.groupId)) looks.add(l.toLegacyPhoto(ctx.signer(), now));
        return Envelopes.v2(JsonMaps.obj("avatar_list", looks));
    }

    private SimResponse train(SimRequest req) {
        AvatarGroup g = ctx.catalogue().group(JsonMaps.str(req.json(), "group_id"));
        if (g == null || g.isPublic) return Envelopes.v2Error(404, "not_found", "Avatar group not found.");
        if (g.trainStartedAt == null) g.trainStartedAt = ctx.clock().now();
        return Envelopes.v2(JsonMaps.obj("flow_id", WebhookHub.randomHex(16)));
    }

    private String trainState(AvatarGroup g) {
        if (g.trainStartedAt == null) return "pending";
        return ctx.clock().now().isBefore(g.trainStartedAt.plus(ctx.renderTime())) ? "training" : "ready";
    }

    private SimResponse trainStatus(SimRequest req) {
        AvatarGroup g = ctx.catalogue().group(req.param("group_id"));
        if (g == null) return Envelopes.v2Error(404, "not_found", "Avatar group not found.");
        long at = (g.trainStartedAt == null ? g.createdAt : g.trainStartedAt).getEpochSecond();
        return Envelopes.v2(JsonMaps.obj(
                "status",
                trainState(g),
                "error_msg",
                null,
                "created_at",
                g.createdAt.getEpochSecond(),
                "updated_at",
                at));
    }

    private SimResponse lookGenerate(SimRequest req) {
        Map<String, Object> b = req.json();
        AvatarGroup g = ctx.catalogue().group(JsonMaps.str(b, "group_id"));
        if (g == null) return Envelopes.v2Error(404, "not_found", "Avatar group not found.");
        String prompt = JsonMaps.str(b, "prompt");
        if (prompt == null || prompt.isBlank())
            return Envelopes.v2Error(400, "invalid_parameter", "prompt is required.");
        if (!"ready".equals(trainState(g))) {
            return Envelopes.v2Error(400, "invalid_parameter", "Avatar group is not trained yet.");
        }
        String full = prompt + ", " + JsonMaps.str(b, "pose") + ", " + JsonMaps.str(b, "orientation") + ", "
                + JsonMaps.str(b, "style");
        return Envelopes.v2(JsonMaps.obj("generation_id", startGeneration(full)));
    }
}
