package dev.avatarkit.sim;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;

/** Legacy v1/v2 video, template, catalogue, quota and raw-bytes asset routes, each in its own envelope. */
final class LegacyVideoRoutes {
    private final SimContext ctx;
    private final VideoService videos;

    LegacyVideoRoutes(SimContext ctx, VideoService videos) {
        this.ctx = ctx;
        this.videos = videos;
    }

    List<Route> routes() {
        return List.of(
                new Route("POST", "/v2/video/generate", Generation.V2, false, this::generate),
                new Route("GET", "/v1/video_status.get", Generation.V1, false, this::status),
                new Route("GET", "/v1/video.list", Generation.V1, false, this::list),
                new Route("GET", "/v2/templates", Generation.V2, false, this::templates),
                new Route("GET", "/v2/template/{template_id}", Generation.V2, false, this::template),
                new Route("POST", "/v2/template/{template_id}/generate", Generation.V2, false, this::templateGenerate),
                new Route("GET", "/v2/avatars", Generation.V2, false, this::avatars),
                new Route("GET", "/v2/voices", Generation.V2, false, this::voices),
                new Route("GET", "/v2/user/remaining_quota", Generation.V2, false, this::quota),
                new Route("POST", "/v1/asset", Generation.V1, false, this::asset));
    }

    private SimResponse generate(SimRequest req) {
        Map<String, Object> body = req.json();
        if (body == null) return Envelopes.v2Error(400, "invalid_parameter", "Request body must be a JSON object.");
        List<Object> inputs = JsonMaps.list(body, "video_inputs");
        if (inputs == null || inputs.isEmpty() || inputs.size() > 50) {
            return Envelopes.v2Error(400, "invalid_parameter", "video_inputs must contain 1 to 50 scenes.");
        }
        StringBuilder script = new StringBuilder();
        for (Object o : inputs) {
            @SuppressWarnings("unchecked")
            Map<String, Object> scene = (Map<String, Object>) o;
            Map<String, Object> character = JsonMaps.map(scene, "character");
            Map<String, Object> voice = JsonMaps.map(scene, "voice");
            if (character == null || voice == null)
                return Envelopes.v2Error(400, "invalid_parameter", "character and voice are required.");
            String ct = JsonMaps.str(character, "type");
            String avatar = "talking_photo".equals(ct)
                    ? JsonMaps.str(character, "talking_photo_id")
                    : JsonMaps.str(character, "avatar_id");
            if (ctx.catalogue().look(avatar) == null) {
                return Envelopes.v2Error(
                        400, "avatar_not_found", "Avatar " + avatar + " not found or no longer available.");
            }
            if ("text".equals(JsonMaps.str(voice, "type"))) {
                String voiceId = JsonMaps.str(voice, "voice_id");
                if (!ctx.catalogue().hasVoice(voiceId))
                    return Envelopes.v2Error(400, "voice_not_found", "Voice " + voiceId + " not found.");
                String text = JsonMaps.str(voice, "input_text");
                if (text == null || text.isBlank())
                    return Envelopes.v2Error(400, "invalid_parameter", "input_text is required.");
                script.append(text).append(' ');
            }
        }
        VideoService.Result r =
                videos.create(req, Generation.V2, spec(body, script.toString().trim()));
        return Envelopes.v2(JsonMaps.obj("video_id", r.job().id));
    }

    private static VideoService.Spec spec(Map<String, Object> body, String script) {
        return new VideoService.Spec(
                JsonMaps.str(body, "title"),
                script,
                JsonMaps.str(body, "callback_id"),
                JsonMaps.str(body, "callback_url"),
                JsonMaps.str(body, "folder_id"));
    }

    private SimResponse status(SimRequest req) {
        String id = req.query.get("video_id");
        if (id == null || id.isBlank()) return Envelopes.v1Error(400, 40001, "Missing required parameter: video_id");
        return ctx.engine()
                .get(id)
                .filter(j -> j.apiKey.equals(req.apiKey()))
                .map(j -> Envelopes.v1(videos.v1Status(j)))
                .orElseGet(() -> Envelopes.v1Error(404, 40031, "Invalid video id: " + id));
    }

    private SimResponse list(SimRequest req) {
        int limit;
        try {
            limit = Integer.parseInt(req.query.getOrDefault("limit", "100"));
        } catch (NumberFormatException e) {
            limit = -1;
        }
        if (limit < 0 || limit > 100) return Envelopes.v1Error(400, 40012, "limit must be between 0 and 100");
        List<Map<String, Object>> all = new ArrayList<>();
        for (VideoJob j : ctx.engine().list(req.apiKey())) {
            String folder = req.query.get("folder_id");
            if (folder != null && !folder.isEmpty() && !folder.equals(j.folderId)) continue;
            all.add(JsonMaps.obj(
                    "video_id",
                    j.id,
                    "status",
                    j.legacyStatus(ctx.clock().now(), ctx.renderTime()),
                    "video_title",
                    j.title,
                    "created_at",
                    j.createdAt.getEpochSecond(),
                    "type",
                    "GENERATED"));
        }
        ListPage<Map<String, Object>> page = ListPage.of(all, limit == 0 ? 100 : limit, req.query.get("token"));
        if (page == null) return Envelopes.v1Error(400, 40012, "Invalid token");
        return Envelopes.v1(JsonMaps.obj("videos", page.items(), "token", page.nextToken()));
    }

    private SimResponse templates(SimRequest req) {
        List<Map<String, Object>> out = new ArrayList<>();
        for (Catalogue.Template t : ctx.catalogue().templates()) {
            out.add(JsonMaps.obj(
                    "template_id",
                    t.id(),
                    "name",
                    t.name(),
                    "thumbnail_image_url",
                    ctx.signer().fileUrl(Catalogue.DOCS_AVATAR_ID + ".png"),
                    "aspect_ratio",
                    "9:16".equals(t.aspectRatio()) ? "portrait" : "landscape"));
        }
        return Envelopes.v2(JsonMaps.obj("templates", out));
    }

    private SimResponse template(SimRequest req) {
        Catalogue.Template t = ctx.catalogue().template(req.param("template_id"));
        if (t == null) return Envelopes.v2Error(404, "template_not_found", "Template not found.");
        return Envelopes.v2(JsonMaps.obj("variables", t.variables(), "scenes", t.scenes()));
    }

    private SimResponse templateGenerate(SimRequest req) {
        Catalogue.Template t = ctx.catalogue().template(req.param("template_id"));
        if (t == null) return Envelopes.v2Error(404, "template_not_found", "Template not found.");
        Map<String, Object> body = req.json();
        Map<String, Object> vars = JsonMaps.map(body, "variables");
        if (vars == null) return Envelopes.v2Error(400, "invalid_parameter", "variables is required.");
        for (String name : vars.keySet()) {
            if (!t.variables().containsKey(name))
                return Envelopes.v2Error(400, "invalid_parameter", "Unknown variable: " + name);
        }
        VideoService.Result r = videos.create(req, Generation.V2, spec(body, V3VideoRoutes.scriptOf(t, vars)));
        return Envelopes.v2(JsonMaps.obj("video_id", r.job().id));
    }

    private SimResponse avatars(SimRequest req) {
        List<Map<String, Object>> avatars = new ArrayList<>();
        List<Map<String, Object>> photos = new ArrayList<>();
        for (Look l : ctx.catalogue().looks()) {
            if (!l.isPublic) continue;
            if ("photo_avatar".equals(l.avatarType)) {
                photos.add(JsonMaps.obj(
                        "talking_photo_id",
                        l.id,
                        "talking_photo_name",
                        l.name,
                        "preview_image_url",
                        ctx.signer().fileUrl(l.id + ".png")));
            } else {
                avatars.add(JsonMaps.obj(
                        "avatar_id",
                        l.id,
                        "avatar_name",
                        l.name,
                        "gender",
                        l.gender,
                        "preview_image_url",
                        ctx.signer().fileUrl(l.id + ".png"),
                        "preview_video_url",
                        ctx.signer().fileUrl(l.id + ".mp4"),
                        "premium",
                        false,
                        "type",
                        null,
                        "tags",
                        List.of(),
                        "default_voice_id",
                        l.defaultVoiceId));
            }
        }
        return Envelopes.v2(JsonMaps.obj("avatars", avatars, "talking_photos", photos));
    }

    private SimResponse voices(SimRequest req) {
        List<Map<String, Object>> out = new ArrayList<>();
        for (Catalogue.Voice v : ctx.catalogue().voices()) {
            out.add(JsonMaps.obj(
                    "voice_id",
                    v.id(),
                    "language",
                    v.language(),
                    "gender",
                    v.gender(),
                    "name",
                    v.name(),
                    "preview_audio",
                    null,
                    "support_pause",
                    true,
                    "emotion_support",
                    v.emotionSupport(),
                    "support_interactive_avatar",
                    false,
                    "support_locale",
                    false));
        }
        return Envelopes.v2(JsonMaps.obj("voices", out));
    }

    /** remaining_quota is credits x 60 (HeyGen's own MCP divides by 60). */
    private SimResponse quota(SimRequest req) {
        long credits = ctx.limits().credits(req.apiKey());
        return Envelopes.v2(JsonMaps.obj(
                "remaining_quota",
                credits * 60,
                "details",
                JsonMaps.obj(
                        "api", credits * 60, "streaming_avatar", 0, "streaming_avatar_instance_quota", 0, "seat", 1)));
    }

    /** upload.heygen.com-style: the body is the raw file, Content-Type its MIME type. */
    private SimResponse asset(SimRequest req) {
        if (req.body.length == 0) return Envelopes.v1Error(400, 40001, "Empty file");
        String mime = Multipart.sniff(req.body, req.header("Content-Type"));
        String id = WebhookHub.randomHex(16);
        String token = id + "." + Multipart.extension(mime);
        ctx.media().putBytes(token, mime, req.body);
        String fileType = mime.startsWith("image/")
                ? "image"
                : mime.startsWith("video/") ? "video" : mime.startsWith("audio/") ? "audio" : "file";
        return SimResponse.json(
                200,
                JsonMaps.obj(
                        "code",
                        100,
                        "data",
                        JsonMaps.obj(
                                "id",
                                id,
                                "name",
                                id,
                                "file_type",
                                fileType,
                                "folder_id",
                                "",
                                "meta",
                                null,
                                "created_ts",
                                ctx.clock().now().getEpochSecond(),
                                "url",
                                ctx.signer().fileUrl(token),
                                "image_key",
                                fileType.equals("image") ? "image/" + id + "/original" : null),
                        "msg",
                        null,
                        "message",
                        null));
    }
}
