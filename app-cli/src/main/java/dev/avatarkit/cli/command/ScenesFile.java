package dev.avatarkit.cli.command;

import dev.avatarkit.core.domain.Background;
import dev.avatarkit.core.domain.Character;
import dev.avatarkit.core.domain.Dimension;
import dev.avatarkit.core.domain.Scene;
import dev.avatarkit.core.domain.ValidationException;
import dev.avatarkit.core.domain.VideoSpec;
import dev.avatarkit.core.domain.Voice;
import dev.avatarkit.runtime.json.Json;
import java.io.IOException;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

/**
 * The {@code --scenes FILE.json} format, the same body {@code POST /v1/videos} takes:
 * {@code {"scenes":[{"avatar"|"talkingPhoto"|"image", "voice", "text"|"audioUrl"|"silence", "background",
 * "speed", "pitch", "style", "scale"}…], "aspect", "dimension", "resolution", "caption", "title", "test"}}.
 * Flags given on the command line win over the file's top-level fields.
 */
final class ScenesFile {
    private ScenesFile() {}

    static VideoSpec parse(
            String json,
            String aspect,
            Dimension dimension,
            String resolution,
            boolean caption,
            String title,
            boolean test) {
        Map<?, ?> root;
        try {
            Object value = Json.moshi().adapter(Object.class).fromJson(json);
            if (!(value instanceof Map<?, ?> map))
                throw new ValidationException("scenes", "the scenes file must hold a JSON object");
            root = map;
        } catch (IOException | RuntimeException e) {
            if (e instanceof ValidationException v) throw v;
            throw new ValidationException("scenes", "the scenes file is not valid JSON: " + e.getMessage());
        }
        if (!(root.get("scenes") instanceof List<?> list))
            throw new ValidationException("scenes", "the scenes file needs a \"scenes\" array");
        List<Scene> scenes = new ArrayList<>();
        for (int i = 0; i < list.size(); i++) {
            if (!(list.get(i) instanceof Map<?, ?> scene))
                throw new ValidationException("scenes[" + (i + 1) + "]", "each scene must be an object");
            scenes.add(scene(scene, "scenes[" + (i + 1) + "]"));
        }
        String fileDimension = str(root, "dimension");
        return new VideoSpec(
                scenes,
                aspect != null ? aspect : str(root, "aspect"),
                dimension != null ? dimension : fileDimension == null ? null : Dimension.parse(fileDimension),
                resolution != null ? resolution : str(root, "resolution"),
                caption || Boolean.TRUE.equals(root.get("caption")),
                title != null ? title : str(root, "title"),
                test || Boolean.TRUE.equals(root.get("test")));
    }

    private static Scene scene(Map<?, ?> s, String where) {
        try {
            return new Scene(
                    character(s, where),
                    voice(s, where),
                    s.get("background") == null ? null : Background.parse(str(s, "background")));
        } catch (ValidationException e) {
            throw e.field() != null && e.field().startsWith("scenes[")
                    ? e
                    : new ValidationException(where + "." + e.field(), where + ": " + e.getMessage());
        }
    }

    private static Character character(Map<?, ?> s, String where) {
        if (s.get("avatar") != null) {
            return new Character.Avatar(
                    str(s, "avatar"), str(s, "style"), num(s, "scale"), num(s, "offsetX"), num(s, "offsetY"));
        }
        if (s.get("talkingPhoto") != null) return new Character.TalkingPhoto(str(s, "talkingPhoto"), num(s, "scale"));
        if (s.get("image") != null) return new Character.Image(str(s, "image"));
        throw new ValidationException(
                where + ".avatar", where + ": give one of \"avatar\", \"talkingPhoto\" or \"image\"");
    }

    private static Voice voice(Map<?, ?> s, String where) {
        if (s.get("text") != null) {
            Double pitch = num(s, "pitch");
            return new Voice.Text(
                    str(s, "text"),
                    str(s, "voice"),
                    num(s, "speed"),
                    pitch == null ? null : pitch.intValue(),
                    str(s, "emotion"),
                    str(s, "locale"));
        }
        if (s.get("audioUrl") != null) return new Voice.Audio(str(s, "audioUrl"), null);
        if (s.get("silence") != null) return new Voice.Silence(num(s, "silence"));
        throw new ValidationException(
                where + ".text", where + ": give one of \"text\" (with \"voice\"), \"audioUrl\" or \"silence\"");
    }

    private static String str(Map<?, ?> map, String key) {
        Object value = map.get(key);
        return value == null ? null : value.toString();
    }

    private static Double num(Map<?, ?> map, String key) {
        Object value = map.get(key);
        if (value == null) return null;
        if (value instanceof Number n) return n.doubleValue();
        throw new ValidationException(key, "'" + key + "' must be a number, was '" + value + "'");
    }
}
