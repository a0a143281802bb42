package dev.avatarkit.heygen;

import dev.avatarkit.core.domain.Background;
import dev.avatarkit.core.domain.Character;
import dev.avatarkit.core.domain.Scene;
import dev.avatarkit.core.domain.VideoSpec;
import dev.avatarkit.core.domain.Voice;
import dev.avatarkit.core.port.InvalidRequestException;
import dev.avatarkit.core.port.SubmitRequest;
import dev.avatarkit.heygen.LegacyRequests.BackgroundBody;
import dev.avatarkit.heygen.LegacyRequests.CharacterBody;
import dev.avatarkit.heygen.LegacyRequests.Offset;
import dev.avatarkit.heygen.LegacyRequests.VideoGenerate;
import dev.avatarkit.heygen.LegacyRequests.VideoInput;
import dev.avatarkit.heygen.LegacyRequests.VoiceBody;
import java.util.ArrayList;
import java.util.List;

/** {@code POST /v2/video/generate} bodies: one {@code video_inputs} entry per scene, at most {@code maxChars} each. */
final class LegacyBodies {
    private LegacyBodies() {}

    static VideoGenerate video(VideoSpec spec, SubmitRequest request, int maxChars) {
        List<VideoInput> inputs = new ArrayList<>();
        for (Scene scene : spec.scenes()) {
            inputs.add(new VideoInput(
                    character(scene.character()), voice(scene.voice(), maxChars), background(scene.background())));
        }
        // v2's top-level aspect_ratio has no documented meaning (reference §2.1); dimension is documented
        WireRequests.Size dimension = WireRequests.Size.of(
                spec.dimension() != null
                        ? spec.dimension()
                        : LegacyDimensions.of(spec.aspectRatio(), spec.resolution()));
        return new VideoGenerate(
                inputs,
                dimension,
                spec.caption() ? Boolean.TRUE : null,
                spec.test() ? Boolean.TRUE : null,
                WireRequests.title(spec.title(), request.key()),
                request.key().value(),
                request.callbackUrl() == null ? null : request.callbackUrl().toString());
    }

    static CharacterBody character(Character c) {
        if (c instanceof Character.Avatar a) {
            Offset offset = a.offsetX() == null && a.offsetY() == null
                    ? null
                    : new Offset(a.offsetX() == null ? 0.0 : a.offsetX(), a.offsetY() == null ? 0.0 : a.offsetY());
            return new CharacterBody("avatar", a.avatarId(), a.style(), a.scale(), offset, null);
        }
        if (c instanceof Character.TalkingPhoto t) {
            return new CharacterBody("talking_photo", null, null, t.scale(), null, t.talkingPhotoId());
        }
        throw WireRequests.unsupported(
                "character", "the legacy dialect cannot animate an image URL; upload it as a talking photo or use v3");
    }

    static VoiceBody voice(Voice v, int maxChars) {
        if (v instanceof Voice.Text t) {
            if (t.text().length() > maxChars) {
                throw new InvalidRequestException(
                        "'text' is " + t.text().length() + " characters; the legacy limit per scene is " + maxChars
                                + " (split it across scenes)",
                        "text",
                        0,
                        "text_too_long",
                        null,
                        null);
            }
            return new VoiceBody(
                    "text", t.voiceId(), t.text(), t.speed(), t.pitch(), t.emotion(), t.locale(), null, null, null);
        }
        if (v instanceof Voice.Audio a) {
            return new VoiceBody("audio", null, null, null, null, null, null, a.audioUrl(), a.audioAssetId(), null);
        }
        Voice.Silence s = (Voice.Silence) v;
        return new VoiceBody("silence", null, null, null, null, null, null, null, null, s.seconds());
    }

    static BackgroundBody background(Background b) {
        if (b == null) return null;
        if (b instanceof Background.Color c) return new BackgroundBody("color", c.hex(), null);
        if (b instanceof Background.Image i) return new BackgroundBody("image", null, i.url());
        return new BackgroundBody("video", null, ((Background.Video) b).url());
    }
}
