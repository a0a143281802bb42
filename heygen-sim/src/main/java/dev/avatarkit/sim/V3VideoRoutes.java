package dev.avatarkit.sim;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;

/** v3 videos, templates, voices and {@code /v3/users/me}. */
final class V3VideoRoutes {
    private static final Set<String> TYPES = Set.of("avatar", "image", "cinematic_avatar", "studio");
    private final SimContext ctx;
    private final VideoService videos;
    private final VideoBatches batches;

    V3VideoRoutes(SimContext ctx, VideoService videos, VideoBatches batches) {
        this.ctx = ctx;
        this.videos = videos;
        this.batches = batches;
    }

    List<Route> routes() {
        Generation g = Generation.V3;
        return List.of(
                new Route("POST", "/v3/videos", g, true, this::create),
                new Route("GET", "/v3/videos/statuses", g, false, this::statuses),
                new Route("GET", "/v3/videos", g, false, this::list),
                new Route("GET", "/v3/videos/{video_id}", g, false, this::get),
                new Route("DELETE", "/v3/videos/{video_id}", g, false, this::delete),
                new Route("GET", "/v3/templates", g, false, this::templates),
                new Route("GET", "/v3/templates/{template_id}", g, false, this::template),
                // not keyed: HeyGen's July schema declares no Idempotency-Key here, so a retried create renders again
                new Route("POST", "/v3/templates/{template_id}", g, false, this::generate),
                new Route("GET", "/v3/voices", g, false, this::voices),
                new Route("GET", "/v3/users/me", g, false, this::me));
    }

    private SimResponse create(SimRequest req) {
        Map<String, Object> body = req.json();
        if (body == null) return Queries.invalid(null, "Request body must be a JSON object.");
        SimResponse refused = refusal(body);
        if (refused != null) return refused;
        VideoService.Result r = videos.create(req, Generation.V3, spec(body, JsonMaps.str(body, "script")));
        if (r.error() != null) return r.error();
        return Envelopes.v3(JsonMaps.obj(
                "video_id",
                r.job().id,
                "status",
                "waiting",
                "output_format",
                "webm".equals(JsonMaps.str(body, "output_format")) ? "webm" : "mp4"));
    }

    /**
     * What the schema cannot know: the avatar and voice must exist, and a script needs a voice unless the avatar has a
     * default one (July: "Required when script is provided, unless avatar_id is set"). Shape checks (type, lengths,
     * enums) happen at the front door; these stay for lenient mode too. Null when the body may render.
     */
    SimResponse refusal(Map<String, Object> body) {
        String type = JsonMaps.str(body, "type");
        if (type == null || !TYPES.contains(type)) {
            return Queries.invalid("type", "'type' must be one of avatar, image, cinematic_avatar, studio.");
        }
        String script = JsonMaps.str(body, "script");
        if (script != null && script.length() > 5000)
            return Queries.invalid("script", "'script' must be at most 5000 characters.");
        if ("avatar".equals(type)) {
            String avatarId = JsonMaps.str(body, "avatar_id");
            if (avatarId == null) return Queries.invalid("avatar_id", "'avatar_id' is required.");
            Look look = ctx.catalogue().look(avatarId);
            if (look == null)
                return Envelopes.v3Error(404, "avatar_not_found", "Avatar " + avatarId + " not found.", "avatar_id");
            String voice = JsonMaps.str(body, "voice_id");
            if (script != null && voice == null && look.defaultVoiceId == null) {
                return Queries.invalid("voice_id", "'voice_id' is required when 'script' is given.");
            }
            if (voice != null && !ctx.catalogue().hasVoice(voice)) {
                return Envelopes.v3Error(404, "voice_not_found", "Voice " + voice + " not found.", "voice_id");
            }
        } else if ("image".equals(type) && body.get("image") == null) {
            return Queries.invalid("image", "'image' is required.");
        }
        return null;
    }

    static VideoService.Spec spec(Map<String, Object> body, String script) {
        return new VideoService.Spec(
                JsonMaps.str(body, "title"),
                script,
                JsonMaps.str(body, "callback_id"),
                JsonMaps.str(body, "callback_url"),
                JsonMaps.str(body, "folder_id"));
    }

    private SimResponse statuses(SimRequest req) {
        String ids = req.query.get("video_ids");
        if ((ids == null || ids.isBlank()) && req.query.get("batch_ids") == null) {
            return Queries.invalid("video_ids", "Provide 'video_ids' and/or 'batch_ids'.");
        }
        List<String> list = ids == null || ids.isBlank() ? List.of() : List.of(ids.split(","));
        if (list.size() > 100) return Queries.invalid("video_ids", "At most 100 videos per request.");
        List<Map<String, Object>> out = new ArrayList<>();
        for (String raw : list) {
            String id = raw.trim();
            VideoJob j = ctx.engine()
                    .get(id)
                    .filter(x -> x.apiKey.equals(req.apiKey()))
                    .orElse(null);
            if (j == null) {
                out.add(JsonMaps.obj(
                        "video_id", id, "status", "not_found", "batch_id", null, "item_index", null, "error", null));
            } else {
                out.add(JsonMaps.obj(
                        "video_id",
                        id,
                        "status",
                        j.bulkStatus(ctx.clock().now(), ctx.renderTime()),
                        "batch_id",
                        null,
                        "item_index",
                        null,
                        "error",
                        j.state == VideoJob.State.FAILED
                                ? JsonMaps.obj("code", j.failCode, "message", j.failMessage)
                                : null));
            }
        }
        String batchIds = req.query.get("batch_ids");
        for (String raw : batchIds == null || batchIds.isBlank() ? new String[0] : batchIds.split(",")) {
            VideoBatches.Batch b = batches.get(raw.trim(), req.apiKey());
            if (b != null) out.addAll(batches.items(b, ctx));
        }
        return Envelopes.v3List(new ListPage<>(out, false, null));
    }

    private SimResponse list(SimRequest req) {
        int limit = Queries.limit(req, 10, 1, 100);
        if (limit < 0) return Queries.badLimit(1, 100);
        String title = req.query.get("title");
        String folder = req.query.get("folder_id");
        List<Map<String, Object>> all = new ArrayList<>();
        for (VideoJob j : ctx.engine().list(req.apiKey())) {
            if (title != null && (j.title == null || !j.title.contains(title))) continue;
            if (folder != null && !folder.equals(j.folderId)) continue;
            all.add(videos.v3Video(j));
        }
        ListPage<Map<String, Object>> page = ListPage.of(all, limit, req.query.get("token"));
        return page == null ? Queries.badToken() : Envelopes.v3List(page);
    }

    private SimResponse get(SimRequest req) {
        return ctx.engine()
                .get(req.param("video_id"))
                .filter(j -> j.apiKey.equals(req.apiKey()))
                .map(j -> Envelopes.v3(videos.v3Video(j)))
                .orElseGet(() -> Envelopes.v3Error(404, "not_found", "Video not found.", null));
    }

    private SimResponse delete(SimRequest req) {
        VideoJob j = ctx.engine()
                .get(req.param("video_id"))
                .filter(x -> x.apiKey.equals(req.apiKey()))
                .orElse(null);
        if (j == null) return Envelopes.v3Error(404, "not_found", "Video not found.", null);
        j.deleted = true;
        return Envelopes.v3(JsonMaps.obj("id", j.id, "deleted", true));
    }

    private SimResponse templates(SimRequest req) {
        int limit = Queries.limit(req, 10, 1, 100);
        if (limit < 0) return Queries.badLimit(1, 100);
        List<Map<String, Object>> all = new ArrayList<>();
        for (Catalogue.Template t : ctx.catalogue().templates()) all.add(templateSummary(t));
        ListPage<Map<String, Object>> page = ListPage.of(all, limit, req.query.get("token"));
        return page == null ? Queries.badToken() : Envelopes.v3List(page);
    }

    private Map<String, Object> templateSummary(Catalogue.Template t) {
        return JsonMaps.obj(
                "id",
                t.id(),
                "name",
                t.name(),
                "aspect_ratio",
                t.aspectRatio(),
                "thumbnail_url",
                ctx.signer().fileUrl("Daisy-inskirt-20220818.png"),
                "created_at",
                1700000000,
                "updated_at",
                1700000000);
    }

    private SimResponse template(SimRequest req) {
        Catalogue.Template t = ctx.catalogue().template(req.param("template_id"));
        if (t == null) return Envelopes.v3Error(404, "not_found", "Template not found.", null);
        Map<String, Object> m = templateSummary(t);
        m.put("variables", t.variables());
        m.put("scenes", t.scenes());
        m.put("scene_ids", t.scenes().stream().map(s -> s.get("scene_id")).toList());
        return Envelopes.v3(m);
    }

    private SimResponse generate(SimRequest req) {
        Catalogue.Template t = ctx.catalogue().template(req.param("template_id"));
        if (t == null) return Envelopes.v3Error(404, "not_found", "Template not found.", null);
        Map<String, Object> body = req.json();
        if (body == null) return Queries.invalid(null, "Request body must be a JSON object.");
        Map<String, Object> vars = JsonMaps.map(body, "variables");
        if (vars == null) return Queries.invalid("variables", "'variables' is required.");
        for (String name : vars.keySet()) {
            if (!t.variables().containsKey(name))
                return Queries.invalid("variables." + name, "Unknown template variable '" + name + "'.");
        }
        VideoService.Result r = videos.create(req, Generation.V3, spec(body, scriptOf(t, vars)));
        if (r.error() != null) return r.error();
        return Envelopes.v3(videos.v3Video(r.job()));
    }

    /** The first scene's script with text variables filled in (used for captions). */
    static String scriptOf(Catalogue.Template t, Map<String, Object> vars) {
        String script =
                t.scenes().isEmpty() ? "" : String.valueOf(t.scenes().get(0).get("script"));
        for (Map.Entry<String, Object> v : t.variables().entrySet()) {
            Object given = vars.get(v.getKey());
            Map<?, ?> src = given instanceof Map<?, ?> m ? m : (Map<?, ?>) v.getValue();
            Object props = src.get("properties");
            Object content = props instanceof Map<?, ?> p ? p.get("content") : null;
            if (content != null) script = script.replace("{{" + v.getKey() + "}}", content.toString());
        }
        return script;
    }

    private SimResponse voices(SimRequest req) {
        int limit = Queries.limit(req, 20, 1, 100);
        if (limit < 0) return Queries.badLimit(1, 100);
        List<Map<String, Object>> all = new ArrayList<>();
        for (Catalogue.Voice v : ctx.catalogue().voices()) {
            all.add(JsonMaps.obj(
                    "voice_id",
                    v.id(),
                    "name",
                    v.name(),
                    "language",
                    v.language(),
                    "gender",
                    v.gender(),
                    "type",
                    "public",
                    "preview_audio_url",
                    null,
                    "support_pause",
                    true,
                    "support_locale",
                    false));
        }
        ListPage<Map<String, Object>> page = ListPage.of(all, limit, req.query.get("token"));
        return page == null ? Queries.badToken() : Envelopes.v3List(page);
    }

    private SimResponse me(SimRequest req) {
        long credits = ctx.limits().credits(req.apiKey());
        return Envelopes.v3(JsonMaps.obj(
                "username",
                "sim-user",
                "email",
                "sim@example.com",
                "first_name",
                "Sim",
                "last_name",
                "User",
                "billing_type",
                "wallet",
                "wallet",
                JsonMaps.obj(
                        "currency",
                        "credits",
                        "remaining_balance",
                        credits,
                        "auto_reload",
                        JsonMaps.obj("enabled", false, "threshold_usd", null, "amount_usd", null)),
                "subscription",
                null,
                "usage_based",
                null));
    }
}
