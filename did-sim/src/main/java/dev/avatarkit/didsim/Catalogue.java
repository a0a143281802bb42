package dev.avatarkit.didsim;

import java.time.Instant;
import java.util.List;
import java.util.Optional;
import tools.jackson.databind.node.ArrayNode;
import tools.jackson.databind.node.ObjectNode;

/**
 * The stock side of D-ID: clip presenters ({@code GET /clips/presenters}) and TTS voices ({@code GET /tts/voices}).
 * Ids follow D-ID's published examples (presenter {@code jack-Pt27VkP3hW}, driver {@code Vcq0R4a8F0}, voice
 * {@code en-US-JennyNeural}); the rest is made up but shaped by the OpenAPI.
 */
final class Catalogue {
    /** A stock presenter. */
    record Presenter(String id, String name, String gender, String driverId, String voiceId) {}

    /** A TTS voice of one provider. */
    record Voice(String id, String name, String gender, String provider, String locale, String language) {}

    static final String STOCK_OWNER = "d-id-stock";
    private static final List<Presenter> PRESENTERS = List.of(
            new Presenter("jack-Pt27VkP3hW", "Jack", "male", "Vcq0R4a8F0", "en-US-GuyNeural"),
            new Presenter("amy-jcwCkr1grs", "Amy", "female", "uM00QMwJ9x", "en-US-JennyNeural"),
            new Presenter("rian-lZC6MmWfC1", "Rian", "male", "mXra4jY38i", "en-GB-RyanNeural"),
            new Presenter("lily-ldwpvJKbqr", "Lily", "female", "c3a6GRbIBu", "en-GB-SoniaNeural"),
            new Presenter("noelle-vCqvU5v3gn", "Noelle", "female", "HTZvB1vM8R", "fr-FR-DeniseNeural"));
    private static final List<Voice> VOICES = List.of(
            new Voice("en-US-JennyNeural", "Jenny", "Female", "microsoft", "en-US", "English (United States)"),
            new Voice("en-US-GuyNeural", "Guy", "Male", "microsoft", "en-US", "English (United States)"),
            new Voice("en-GB-RyanNeural", "Ryan", "Male", "microsoft", "en-GB", "English (United Kingdom)"),
            new Voice("en-GB-SoniaNeural", "Sonia", "Female", "microsoft", "en-GB", "English (United Kingdom)"),
            new Voice("fr-FR-DeniseNeural", "Denise", "Female", "microsoft", "fr-FR", "French (France)"),
            new Voice("21m00Tcm4TlvDq8ikWAM", "Rachel", "Female", "elevenlabs", "en-US", "English"),
            new Voice("Joanna", "Joanna", "Female", "amazon", "en-US", "English (US)"),
            new Voice("en-US-Neural2-F", "en-US-Neural2-F", "Female", "google", "en-US", "English (US)"),
            new Voice("alloy", "Alloy", "Neutral", "azure-openai", "en-US", "English"));

    private final Instant listedSince;

    Catalogue(Instant listedSince) {
        this.listedSince = listedSince;
    }

    List<Presenter> presenters() {
        return PRESENTERS;
    }

    Optional<Presenter> presenter(String id) {
        return PRESENTERS.stream().filter(p -> p.id().equals(id)).findFirst();
    }

    /** The voices, optionally only one provider's and/or one id. */
    ArrayNode voices(String provider, String id) {
        ArrayNode out = SimJson.MAPPER.createArrayNode();
        for (Voice v : VOICES) {
            if (provider != null && !provider.equals(v.provider())) continue;
            if (id != null && !id.equals(v.id())) continue;
            ObjectNode o = out.addObject()
                    .put("id", v.id())
                    .put("name", v.name())
                    .put("gender", v.gender())
                    .put("access", "public")
                    .put("provider", v.provider())
                    .put("description", v.name() + " (" + v.provider() + ")");
            o.putArray("languages").addObject().put("language", v.language()).put("locale", v.locale());
            o.putArray("styles");
        }
        return out;
    }

    /** The presenters' preview videos and images, served from the simulated bucket like everything else. */
    void storeMedia(Bucket bucket) {
        for (Presenter p : PRESENTERS) {
            bucket.put("presenters/" + p.id() + ".mp4", "video/mp4", Media::mp4);
            bucket.put("presenters/" + p.id() + ".jpg", "image/jpeg", () -> Media.thumbnail(p.name()));
        }
    }

    /** A presenter as {@code GET /clips/presenters} lists it; preview URLs are presigned like every other object. */
    ObjectNode presenterJson(Presenter p, SimContext ctx) {
        String when = SimJson.time(listedSince);
        ObjectNode o = SimJson.object()
                .put("presenter_id", p.id())
                .put("name", p.name())
                .put("driver_id", p.driverId())
                .put("gender", p.gender())
                .put("owner_id", STOCK_OWNER)
                .put("preview_url", ctx.presign("presenters/" + p.id() + ".mp4", listedSince))
                .put("talking_preview_url", ctx.presign("presenters/" + p.id() + ".mp4", listedSince))
                .put("thumbnail_url", ctx.presign("presenters/" + p.id() + ".jpg", listedSince))
                .put("image_url", ctx.presign("presenters/" + p.id() + ".jpg", listedSince))
                .put("created_at", when)
                .put("modified_at", when);
        o.putObject("voice").put("type", "microsoft").put("voice_id", p.voiceId());
        return o;
    }
}
