package dev.avatarkit.didsim;

import java.time.Duration;
import java.time.Instant;
import tools.jackson.databind.JsonNode;

/** One talk or clip: who made it, what was asked, and its {@link Timeline} ({@code created → started → done}). */
final class Render {
    /** The two products that fit the port: their id prefix, {@code object} word and list field. */
    enum Kind {
        TALK("tlk_", "talk", "talks"),
        CLIP("clp_", "clip", "clips");

        final String prefix;
        final String object;
        final String plural;

        Kind(String prefix, String object, String plural) {
            this.prefix = prefix;
            this.object = object;
            this.plural = plural;
        }
    }

    final String id;
    final Kind kind;
    final String owner;
    final Instant createdAt;
    /** The create request as sent (echoed: source_url, presenter_id, script, config, webhook, name, user_data). */
    final JsonNode request;

    final Timeline timeline;

    Render(
            String id,
            Kind kind,
            String owner,
            Instant createdAt,
            JsonNode request,
            Timeline.Ending ending,
            Duration renderTime) {
        this.id = id;
        this.kind = kind;
        this.owner = owner;
        this.createdAt = createdAt;
        this.request = request;
        this.timeline = new Timeline(createdAt, renderTime, "started", ending);
    }

    /** Where the MP4 lives in the simulated bucket. */
    String resultKey() {
        return "results/" + id + ".mp4";
    }

    /** Where the TTS audio of a text script lives (D-ID keeps it as {@code microsoft.wav} beside the talk). */
    String audioKey() {
        return "audios/" + id + "/microsoft.wav";
    }

    /** Puts the render's files in the bucket (made lazily, when first fetched). */
    void storeMedia(Bucket bucket) {
        bucket.put(resultKey(), "video/mp4", Media::mp4);
        bucket.put(audioKey(), "audio/wav", Media::silentWav);
    }

    void forgetMedia(Bucket bucket) {
        bucket.remove(resultKey());
        bucket.remove(audioKey());
    }

    boolean finished() {
        return timeline.finished();
    }

    String userData() {
        return SimJson.text(request, "user_data");
    }
}
