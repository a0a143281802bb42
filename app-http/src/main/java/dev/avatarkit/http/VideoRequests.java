package dev.avatarkit.http;

import dev.avatarkit.core.domain.Background;
import dev.avatarkit.core.domain.Character;
import dev.avatarkit.core.domain.Dimension;
import dev.avatarkit.core.domain.Scene;
import dev.avatarkit.core.domain.ValidationException;
import dev.avatarkit.core.domain.VideoSpec;
import dev.avatarkit.core.domain.Voice;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * {@code POST /v1/videos} bodies → {@link VideoSpec}: the single-avatar shortcut
 * ({@code avatar, voice, text | audioUrl, background…}) or {@code scenes: [...]} with the same per-scene fields.
 * Errors name the field; inside scenes as {@code scenes[n].field} (1-based, like core).
 */
final class VideoRequests {
    static final Set<String> SCENE_FIELDS = Set.of(
            "avatar",
            "talkingPhoto",
            "image",
            "style",
            "scale",
            "offsetX",
            "offsetY",
            "voice",
            "text",
            "speed",
            "pitch",
            "emotion",
            "locale",
            "audioUrl",
            "audioAssetId",
            "silence",
            "background");
    static final Set<String> VIDEO_FIELDS =
            Set.of("scenes", "aspect", "dimension", "resolution", "caption", "title", "test", "provider");

    private VideoRequests() {}

    /** The optional {@code "provider"} field: which installed provider renders the job (null = the default). */
    static String provider(Map<String, Object> body) {
        Object value = body.get("provider");
        if (value == null) return null;
        if (!(value instanceof String name) || name.isBlank()) {
            throw new ValidationException(
                    "provider", "'provider' must be the name of an installed provider (GET /v1/providers)");
        }
        return name;
    }

    static VideoSpec parse(Map<String, Object> body) {
        Set<String> allowed = new HashSet<>(VIDEO_FIELDS);
        allowed.addAll(SCENE_FIELDS);
        Fields f = new Fields(body, "").only(allowed);
        List<Scene> scenes = new ArrayList<>();
        List<?> list = f.list("scenes");
        if (list != null) {
            for (String key : SCENE_FIELDS) {
                if (f.has(key))
                    throw new ValidationException(
                            key, "give 'scenes' or the single-scene field '" + key + "', not both");
            }
            if (list.isEmpty())
                throw new ValidationException("scenes", "'scenes' must hold 1–" + VideoSpec.MAX_SCENES + " scenes");
            for (int i = 0; i < list.size(); i++) {
                String prefix = "scenes[" + (i + 1) + "].";
                if (!(list.get(i) instanceof Map<?, ?> m))
                    throw new ValidationException("scenes[" + (i + 1) + "]", "each scene must be an object");
                @SuppressWarnings("unchecked")
                Map<String, Object> sceneMap = (Map<String, Object>) m;
                scenes.add(scene(new Fields(sceneMap, prefix).only(SCENE_FIELDS)));
            }
        } else {
            scenes.add(scene(f));
        }
        return new VideoSpec(
                scenes,
                f.string("aspect"),
                dimension(f),
                f.string("resolution"),
                f.bool("caption"),
                f.string("title"),
                f.bool("test"));
    }

    private static Dimension dimension(Fields f) {
        if (!f.has("dimension")) return null;
        if (f.raw("dimension") instanceof String s) return Dimension.parse(s);
        Fields d = new Fields(f.object("dimension"), "dimension.").only(Set.of("width", "height"));
        Integer w = d.integer("width");
        Integer h = d.integer("height");
        if (w == null || h == null) throw new ValidationException("dimension", "'dimension' needs width and height");
        return new Dimension(w, h);
    }

    private static Scene scene(Fields f) {
        try {
            return new Scene(
                    character(f), voice(f), f.has("background") ? Background.parse(f.string("background")) : null);
        } catch (ValidationException e) {
            String field = e.field() == null || e.field().startsWith(f.name("")) ? e.field() : f.name(e.field());
            throw new ValidationException(field, e.getMessage());
        }
    }

    private static Character character(Fields f) {
        int given = (f.has("avatar") ? 1 : 0) + (f.has("talkingPhoto") ? 1 : 0) + (f.has("image") ? 1 : 0);
        if (given != 1)
            throw new ValidationException("avatar", "give exactly one of 'avatar', 'talkingPhoto' or 'image'");
        if (f.has("talkingPhoto")) return new Character.TalkingPhoto(f.string("talkingPhoto"), f.number("scale"));
        if (f.has("image")) return new Character.Image(f.string("image"));
        return new Character.Avatar(
                f.string("avatar"), f.string("style"), f.number("scale"), f.number("offsetX"), f.number("offsetY"));
    }

    private static Voice voice(Fields f) {
        if (f.has("audioUrl") || f.has("audioAssetId"))
            return new Voice.Audio(f.string("audioUrl"), f.string("audioAssetId"));
        if (f.has("silence")) return new Voice.Silence(f.number("silence"));
        if (!f.has("text"))
            throw new ValidationException("text", "give 'text' (with 'voice'), 'audioUrl' or 'silence'");
        return new Voice.Text(
                f.string("text"),
                f.string("voice"),
                f.number("speed"),
                f.integer("pitch"),
                f.string("emotion"),
                f.string("locale"));
    }
}
