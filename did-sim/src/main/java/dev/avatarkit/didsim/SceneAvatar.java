package dev.avatarkit.didsim;

import dev.avatarkit.sim.Imaging;
import java.time.Instant;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.node.ObjectNode;

/** A V3 "scene" avatar trained from a consented video: {@code created → training-started → done}. */
final class SceneAvatar {
    final String id;
    final String owner;
    final Instant createdAt;
    final JsonNode request;
    final Timeline timeline;

    SceneAvatar(String id, String owner, Instant createdAt, JsonNode request, Timeline timeline) {
        this.id = id;
        this.owner = owner;
        this.createdAt = createdAt;
        this.request = request;
        this.timeline = timeline;
    }

    /** The results it will show once done: a still of the subject, a thumbnail and a talking preview. */
    void store(Bucket bucket) {
        String name = request.path("name").asString(id);
        bucket.put("avatars/" + id + "/image.png", "image/png", () -> Imaging.stillPng(id, name, 0, 512, 512));
        bucket.put("avatars/" + id + "/thumbnail.jpg", "image/jpeg", () -> Media.thumbnail(name));
        bucket.put("avatars/" + id + "/preview.mp4", "video/mp4", Media::mp4);
    }

    ObjectNode json(SimContext ctx) {
        String status = timeline.advance(ctx.now());
        ObjectNode o = SimJson.object()
                .put("id", id)
                .put("status", status)
                .put("object", "scene_avatar")
                .put("created_at", SimJson.time(createdAt))
                .put("owner_id", owner)
                .put("created_by", owner)
                .put("modified_at", SimJson.time(timeline.modifiedAt()));
        if (timeline.startedAt() != null) o.put("started_at", SimJson.time(timeline.startedAt()));
        if (timeline.completedAt() != null) o.put("completed_at", SimJson.time(timeline.completedAt()));
        for (String field : new String[] {"name", "source_url", "consent_id", "webhook", "user_data"}) {
            if (request.hasNonNull(field)) o.set(field, request.get(field));
        }
        switch (status) {
            case "done" ->
                o.put("image_url", ctx.presign("avatars/" + id + "/image.png", timeline.completedAt()))
                        .put("thumbnail_url", ctx.presign("avatars/" + id + "/thumbnail.jpg", timeline.completedAt()))
                        .put(
                                "talking_preview_url",
                                ctx.presign("avatars/" + id + "/preview.mp4", timeline.completedAt()));
            case "error" ->
                o.putObject("error").put("kind", "InternalServerError").put("description", "avatar training failed");
            case "rejected" ->
                o.putObject("error")
                        .put("kind", "ImageModerationError")
                        .put(
                                "description",
                                "Automatic content moderation - contact support if you would like to submit for manual review");
            default -> {}
        }
        return o;
    }
}
