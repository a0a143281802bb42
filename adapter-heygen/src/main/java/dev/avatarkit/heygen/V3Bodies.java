package dev.avatarkit.heygen;

import dev.avatarkit.core.domain.Background;
import dev.avatarkit.core.domain.Character;
import dev.avatarkit.core.domain.Dimension;
import dev.avatarkit.core.domain.Scene;
import dev.avatarkit.core.domain.VideoSpec;
import dev.avatarkit.core.domain.Voice;
import dev.avatarkit.core.port.SubmitRequest;
import dev.avatarkit.heygen.V3Requests.CaptionFormat;
import dev.avatarkit.heygen.V3Requests.ImageSource;
import dev.avatarkit.heygen.V3Requests.SceneBackground;
import dev.avatarkit.heygen.V3Requests.SceneInput;
import dev.avatarkit.heygen.V3Requests.StudioScene;
import dev.avatarkit.heygen.V3Requests.VideoCreate;
import dev.avatarkit.heygen.V3Requests.VoiceSettings;
import java.util.List;
import java.util.Set;

/**
 * {@code POST /v3/videos} bodies: {@code type: avatar|image} for one scene, {@code type: studio} for several. The two
 * shapes differ in backgrounds (HeyGen's July 2026 schema): a single scene takes {@code {"type":"color","value":…}} or
 * an image; a studio scene takes only {@code {"type":"color","color":…}}.
 */
final class V3Bodies {
    private static final Set<String> ASPECTS = Set.of("16:9", "9:16", "4:5", "5:4", "1:1");

    private V3Bodies() {}

    static VideoCreate video(VideoSpec spec, SubmitRequest request) {
        // scenes before the aspect, so a spec wrong in both is refused for its scene (as the map-built bodies did)
        SceneInput single = spec.scenes().size() == 1 ? input(spec.scenes().get(0), false) : null;
        List<StudioScene> scenes = single != null
                ? null
                : spec.scenes().stream()
                        .map(s -> new StudioScene("avatar_video", input(s, true)))
                        .toList();
        String aspect = aspect(spec);
        CaptionFormat caption = spec.caption() ? new CaptionFormat("srt") : null;
        String title = WireRequests.title(spec.title(), request.key());
        String callbackUrl =
                request.callbackUrl() == null ? null : request.callbackUrl().toString();
        if (single != null) {
            SceneInput in = single;
            return new VideoCreate(
                    in.type(),
                    in.avatarId(),
                    in.image(),
                    in.script(),
                    in.voiceId(),
                    in.voiceSettings(),
                    in.audioUrl(),
                    in.audioAssetId(),
                    in.background(),
                    null,
                    aspect,
                    spec.resolution(),
                    caption,
                    title,
                    request.key().value(),
                    callbackUrl);
        }
        return new VideoCreate(
                "studio",
                null,
                null,
                null,
                null,
                null,
                null,
                null,
                null,
                scenes,
                aspect,
                spec.resolution(),
                caption,
                title,
                request.key().value(),
                callbackUrl);
    }

    /** One avatar/image input with its audio source and optional background (shaped for a studio scene or not). */
    static SceneInput input(Scene scene, boolean studioScene) {
        String type = null;
        String avatarId = null;
        ImageSource image = null;
        Character c = scene.character();
        if (c instanceof Character.Avatar a) {
            type = "avatar";
            avatarId = a.avatarId();
        } else if (c instanceof Character.TalkingPhoto t) {
            type = "avatar"; // on v3 photo avatars are looks like any other
            avatarId = t.talkingPhotoId();
        } else if (c instanceof Character.Image i) {
            type = "image";
            image = new ImageSource("url", i.url());
        }
        Voice v = scene.voice();
        if (!(v instanceof Voice.Text) && !(v instanceof Voice.Audio)) {
            throw WireRequests.unsupported(
                    "voice", "v3 avatar scenes need a script or audio; silence is not supported");
        }
        SceneBackground background = background(scene.background(), studioScene);
        if (v instanceof Voice.Text t) {
            boolean noSettings = t.speed() == null && t.pitch() == null && t.locale() == null;
            VoiceSettings settings = noSettings ? null : new VoiceSettings(t.speed(), t.pitch(), t.locale());
            return new SceneInput(type, avatarId, image, t.text(), t.voiceId(), settings, null, null, background);
        }
        Voice.Audio a = (Voice.Audio) v;
        return new SceneInput(type, avatarId, image, null, null, null, a.audioUrl(), a.audioAssetId(), background);
    }

    private static SceneBackground background(Background b, boolean studioScene) {
        if (b == null) return null;
        if (b instanceof Background.Color col) {
            return studioScene
                    ? new SceneBackground("color", null, col.hex(), null)
                    : new SceneBackground("color", col.hex(), null, null);
        }
        if (b instanceof Background.Video) {
            throw WireRequests.unsupported(
                    "background", "v3 avatar videos take a color or image background, not a video");
        }
        if (studioScene) {
            throw WireRequests.unsupported(
                    "background",
                    "v3 multi-scene videos take colour backgrounds only; "
                            + "render image backgrounds as single-scene videos or with the legacy dialect");
        }
        return new SceneBackground("image", null, null, ((Background.Image) b).url());
    }

    /** v3 has no exact dimension: an even dimension maps to its aspect ratio when it is one HeyGen knows. */
    private static String aspect(VideoSpec spec) {
        if (spec.aspectRatio() != null) return spec.aspectRatio();
        Dimension d = spec.dimension();
        if (d == null) return null;
        int g = gcd(d.width(), d.height());
        String ratio = d.width() / g + ":" + d.height() / g;
        if (!ASPECTS.contains(ratio)) {
            throw WireRequests.unsupported(
                    "dimension", "v3 renders only aspect ratios " + ASPECTS + "; " + d + " is " + ratio);
        }
        return ratio;
    }

    private static int gcd(int a, int b) {
        return b == 0 ? a : gcd(b, a % b);
    }
}
