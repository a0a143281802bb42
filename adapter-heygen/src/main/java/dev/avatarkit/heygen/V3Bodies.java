package dev.avatarkit.heygen;

import dev.avatarkit.core.domain.Background;
import dev.avatarkit.core.domain.Character;
import dev.avatarkit.core.domain.Dimension;
import dev.avatarkit.core.domain.Scene;
import dev.avatarkit.core.domain.VideoSpec;
import dev.avatarkit.core.domain.Voice;
import dev.avatarkit.core.port.SubmitRequest;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * {@code POST /v3/videos} bodies: {@code type: avatar|image} for one scene, {@code type: studio} for several. The two
 * shapes differ in backgrounds (HeyGen's July 2026 schema): a single scene takes {@code {"type":"color","value":…}} or
 * an image; a studio scene takes only {@code {"type":"color","color":…}}.
 */
final class V3Bodies {
    private static final Set<String> ASPECTS = Set.of("16:9", "9:16", "4:5", "5:4", "1:1");

    private V3Bodies() {}

    static Map<String, Object> video(VideoSpec spec, SubmitRequest request) {
        Map<String, Object> body;
        if (spec.scenes().size() == 1) {
            body = input(spec.scenes().get(0), false);
        } else {
            body = new LinkedHashMap<>();
            body.put("type", "studio");
            List<Object> scenes = new ArrayList<>();
            for (Scene scene : spec.scenes()) scenes.add(Map.of("type", "avatar_video", "input", input(scene, true)));
            body.put("scenes", scenes);
        }
        Bodies.putIfNotNull(body, "aspect_ratio", aspect(spec));
        Bodies.putIfNotNull(body, "resolution", spec.resolution());
        if (spec.caption()) body.put("caption", Map.of("file_format", "srt"));
        body.put("title", Bodies.title(spec.title(), request.key()));
        body.put("callback_id", request.key().value());
        if (request.callbackUrl() != null) body.put("callback_url", request.callbackUrl().toString());
        return body;
    }

    /** One avatar/image input with its audio source and optional background (shaped for a studio scene or not). */
    static Map<String, Object> input(Scene scene, boolean studioScene) {
        Map<String, Object> out = new LinkedHashMap<>();
        Character c = scene.character();
        if (c instanceof Character.Avatar a) {
            out.put("type", "avatar");
            out.put("avatar_id", a.avatarId());
        } else if (c instanceof Character.TalkingPhoto t) {
            out.put("type", "avatar"); // on v3 photo avatars are looks like any other
            out.put("avatar_id", t.talkingPhotoId());
        } else if (c instanceof Character.Image i) {
            out.put("type", "image");
            out.put("image", Map.of("type", "url", "url", i.url()));
        }
        Voice v = scene.voice();
        if (v instanceof Voice.Text t) {
            out.put("script", t.text());
            out.put("voice_id", t.voiceId());
            Map<String, Object> settings = new LinkedHashMap<>();
            Bodies.putIfNotNull(settings, "speed", t.speed());
            Bodies.putIfNotNull(settings, "pitch", t.pitch());
            Bodies.putIfNotNull(settings, "locale", t.locale());
            if (!settings.isEmpty()) out.put("voice_settings", settings);
        } else if (v instanceof Voice.Audio a) {
            Bodies.putIfNotNull(out, "audio_url", a.audioUrl());
            Bodies.putIfNotNull(out, "audio_asset_id", a.audioAssetId());
        } else {
            throw Bodies.unsupported("voice", "v3 avatar scenes need a script or audio; silence is not supported");
        }
        Bodies.putIfNotNull(out, "background", background(scene.background(), studioScene));
        return out;
    }

    private static Map<String, Object> background(Background b, boolean studioScene) {
        if (b == null) return null;
        if (b instanceof Background.Color col) {
            return Map.of("type", "color", studioScene ? "color" : "value", col.hex());
        }
        if (b instanceof Background.Video) {
            throw Bodies.unsupported("background", "v3 avatar videos take a color or image background, not a video");
        }
        if (studioScene) {
            throw Bodies.unsupported("background", "v3 multi-scene videos take colour backgrounds only; "
                    + "render image backgrounds as single-scene videos or with the legacy dialect");
        }
        return Map.of("type", "image", "url", ((Background.Image) b).url());
    }

    /** v3 has no exact dimension: an even dimension maps to its aspect ratio when it is one HeyGen knows. */
    private static String aspect(VideoSpec spec) {
        if (spec.aspectRatio() != null) return spec.aspectRatio();
        Dimension d = spec.dimension();
        if (d == null) return null;
        int g = gcd(d.width(), d.height());
        String ratio = d.width() / g + ":" + d.height() / g;
        if (!ASPECTS.contains(ratio)) {
            throw Bodies.unsupported("dimension", "v3 renders only aspect ratios " + ASPECTS + "; " + d + " is " + ratio);
        }
        return ratio;
    }

    private static int gcd(int a, int b) {
        return b == 0 ? a : gcd(b, a % b);
    }
}
