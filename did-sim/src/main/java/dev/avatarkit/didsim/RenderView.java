package dev.avatarkit.didsim;

import java.time.Instant;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.node.ObjectNode;

/**
 * A talk or clip as {@code GET /talks/{id}} / {@code GET /clips/{id}} and the lists show it. Beyond the published
 * GetTalkDto/GetClipDto it carries {@code user_data} and {@code name} (promised by the request field's description,
 * seen in D-ID's examples), {@code duration}, and {@code error{kind,description}} on failed renders (see README).
 */
final class RenderView {
    private RenderView() {}

    static ObjectNode of(Render r, SimContext ctx) {
        String status = r.timeline.advance(ctx.now());
        ObjectNode o = SimJson.object().put("id", r.id);
        if (r.kind == Render.Kind.TALK) {
            o.put("user_id", r.owner);
            o.put("source_url", sourceUrl(r.request));
            o.put("driver_url", "bank://natural/driver-2/flipped");
            // D-ID's talk examples print created_at without a zone; clients must read it as UTC (second-provider.md A1)
            o.put("created_at", SimJson.timeWithoutZone(r.createdAt));
        } else {
            o.put("owner_id", r.owner);
            o.put("presenter_id", presenterId(r.request));
            o.put(
                    "driver_id",
                    r.request.hasNonNull("driver_id")
                            ? r.request.get("driver_id").asString()
                            : "Vcq0R4a8F0");
            o.put("created_at", SimJson.time(r.createdAt));
        }
        o.put("created_by", r.owner);
        o.put("modified_at", SimJson.time(r.timeline.modifiedAt()));
        o.put("status", status);
        putIfSet(o, "started_at", r.timeline.startedAt());
        if (r.kind == Render.Kind.CLIP) putIfSet(o, "completed_at", r.timeline.completedAt());
        o.set("config", config(r));
        copy(r.request, o, "webhook");
        copy(r.request, o, "name");
        copy(r.request, o, "user_data");
        if (!"created".equals(status)) o.put("audio_url", audioUrl(r, ctx));
        switch (status) {
            case "done" -> {
                o.put("result_url", ctx.presign(r.resultKey(), r.timeline.completedAt()));
                o.put("duration", 1.0);
                o.putObject("metadata")
                        .put("num_frames", 25)
                        .put("size_kib", Media.mp4().length / 1024.0)
                        .putArray("resolution")
                        .add(160)
                        .add(90);
            }
            case "error" ->
                o.putObject("error")
                        .put("kind", "InternalServerError")
                        .put("description", "Failed to render the " + r.kind.object);
            case "rejected" ->
                o.putObject("error")
                        .put("kind", "TextModerationError")
                        .put(
                                "description",
                                "Automatic content moderation - contact support if you would like to submit for manual review");
            default -> {}
        }
        return o;
    }

    static String sourceUrl(JsonNode request) {
        String s = SimJson.text(request, "source_url");
        return s != null
                ? s
                : "https://d-id-public-bucket.s3.us-west-2.amazonaws.com/alice.jpg"; // the schema's default
    }

    static String presenterId(JsonNode request) {
        String s = SimJson.text(request, "presenter_id");
        return s != null ? s : "jack-Pt27VkP3hW"; // the schema's default
    }

    private static String audioUrl(Render r, SimContext ctx) {
        String given = SimJson.text(r.request.path("script"), "audio_url");
        return given != null ? given : ctx.presign(r.audioKey(), r.timeline.startedAt());
    }

    /** The config D-ID reports back: what was asked, with its defaults filled in. */
    private static ObjectNode config(Render r) {
        ObjectNode c = SimJson.object();
        JsonNode asked = r.request.path("config");
        c.put("result_format", asked.path("result_format").asString("mp4"));
        if (r.kind == Render.Kind.TALK) {
            c.put("fluent", asked.path("fluent").asBoolean(false));
            c.put("pad_audio", asked.path("pad_audio").asDouble(0));
            c.put("stitch", asked.path("stitch").asBoolean(false));
        }
        if (asked.has("logo")) c.set("logo", asked.get("logo"));
        return c;
    }

    private static void copy(JsonNode from, ObjectNode to, String field) {
        if (from.hasNonNull(field)) to.set(field, from.get(field));
    }

    private static void putIfSet(ObjectNode o, String field, Instant t) {
        if (t != null) o.put(field, SimJson.time(t));
    }
}
