package dev.avatarkit.did;

import dev.avatarkit.core.domain.Background;
import dev.avatarkit.core.domain.Character;
import dev.avatarkit.core.domain.JobSpec;
import dev.avatarkit.core.domain.Scene;
import dev.avatarkit.core.domain.UnsupportedCapabilityException;
import dev.avatarkit.core.domain.VideoSpec;
import dev.avatarkit.core.domain.Voice;
import dev.avatarkit.core.port.InvalidRequestException;
import dev.avatarkit.core.port.SubmitRequest;
import java.net.URI;
import java.util.LinkedHashMap;
import java.util.Locale;
import java.util.Map;
import java.util.regex.Pattern;

/**
 * Turns a neutral {@link VideoSpec} into a D-ID create: a talk when the character is a photo ({@code --image}, or a
 * talking photo given as an image URL), a clip when it is an avatar (a D-ID presenter). D-ID renders one script per
 * video, takes no aspect or size (a talk's frame is its photo's, a clip's its presenter's) and only https/s3 media.
 * Everything it cannot render is refused here, naming our field, before anything is stored or sent.
 */
final class RenderRequests {
    /** D-ID's source_url pattern: https or s3, a JPEG or PNG. */
    private static final Pattern IMAGE = Pattern.compile("(?i)(https|s3)://\\S+\\.(jpg|jpeg|png)([?#]\\S*)?");
    /** D-ID's audio_url pattern: https or s3, one of its audio/video containers. */
    private static final Pattern AUDIO = Pattern.compile("(?i)(https|s3)://\\S+\\.(m4a|flac|mp3|mp4|wav)([?#]\\S*)?");

    private static final int MIN_SCRIPT_CHARS = 3;
    private static final String DEFAULT_TTS = "microsoft";

    /** A create ready to send: which resource and its JSON body. */
    record Create(DidRef.Resource resource, Map<String, Object> body) {}

    private RenderRequests() {}

    /** @throws InvalidRequestException naming the field D-ID cannot take */
    static void check(JobSpec spec) {
        scene(spec);
    }

    /**
     * @param httpWebhooks true when plain-http callbacks may be sent: only to a simulator on loopback, since D-ID
     *                     itself refuses them (polling covers those jobs)
     */
    static Create build(SubmitRequest request, boolean httpWebhooks) {
        Scene scene = scene(request.spec());
        VideoSpec spec = (VideoSpec) request.spec();
        Map<String, Object> body = new LinkedHashMap<>();
        DidRef.Resource resource;
        if (scene.character() instanceof Character.Avatar avatar) {
            resource = DidRef.Resource.CLIP;
            body.put("presenter_id", avatar.avatarId());
            if (scene.background() != null) body.put("background", background(scene.background()));
        } else {
            resource = DidRef.Resource.TALK;
            body.put("source_url", photoUrl(scene.character()));
        }
        body.put("script", script(scene.voice(), spec.caption()));
        // no idempotency key at D-ID: the job's key goes where a listing shows it, for reconcile (and webhooks)
        body.put("user_data", request.key().value());
        body.put("name", request.key().value());
        URI callback = request.callbackUrl();
        if (callback != null
                && ("https".equalsIgnoreCase(callback.getScheme())
                        || httpWebhooks && "http".equalsIgnoreCase(callback.getScheme()))) {
            body.put("webhook", callback.toString());
        }
        return new Create(resource, body);
    }

    private static Scene scene(JobSpec spec) {
        if (!(spec instanceof VideoSpec video)) {
            throw new UnsupportedCapabilityException(
                    DidPlugin.NAME, spec.kind().name().toLowerCase(Locale.ROOT).replace('_', ' ') + " jobs");
        }
        if (video.scenes().size() != 1) {
            throw invalid(
                    "scenes",
                    "D-ID renders one scene per video, got " + video.scenes().size());
        }
        if (video.dimension() != null)
            throw invalid("dimension", "D-ID takes no output size: the frame follows the photo or presenter");
        if (video.aspectRatio() != null)
            throw invalid("aspect", "D-ID takes no aspect ratio: the frame follows the photo or presenter");
        Scene scene = video.scenes().get(0);
        if (!(scene.character() instanceof Character.Avatar)) {
            photoUrl(scene.character());
            if (scene.background() != null)
                throw invalid("background", "D-ID talking photos keep their own background");
        } else if (scene.background() != null) {
            background(scene.background());
        }
        script(scene.voice(), false);
        return scene;
    }

    private static String photoUrl(Character character) {
        String url = character instanceof Character.Image image
                ? image.url()
                : ((Character.TalkingPhoto) character).talkingPhotoId();
        String field = character instanceof Character.Image ? "image" : "talkingPhoto";
        if (!IMAGE.matcher(url).matches()) {
            throw invalid(
                    field,
                    "D-ID needs an https:// or s3:// URL of a .jpg, .jpeg or .png image, was '" + shortUrl(url) + "'");
        }
        return url;
    }

    private static Map<String, Object> script(Voice voice, boolean subtitles) {
        Map<String, Object> script = new LinkedHashMap<>();
        if (voice instanceof Voice.Text text) {
            if (text.text().strip().length() < MIN_SCRIPT_CHARS) {
                throw invalid("text", "D-ID needs at least " + MIN_SCRIPT_CHARS + " characters of script");
            }
            script.put("type", "text");
            script.put("input", text.text());
            script.put("provider", ttsVoice(text.voiceId()));
        } else if (voice instanceof Voice.Audio audio) {
            if (audio.audioUrl() == null) throw invalid("audioAssetId", "D-ID takes audio by URL only (give audioUrl)");
            if (!AUDIO.matcher(audio.audioUrl()).matches()) {
                throw invalid("audioUrl", "D-ID needs an https:// or s3:// URL of an m4a, flac, mp3, mp4 or wav file");
            }
            script.put("type", "audio");
            script.put("audio_url", audio.audioUrl());
        } else {
            throw invalid("voice", "D-ID has no silent scenes: give a text or an audio URL");
        }
        if (subtitles) script.put("subtitles", true);
        return script;
    }

    /** Voice ids as {@code voices()} lists them: {@code provider:voice}; a bare id is a Microsoft voice (D-ID's default). */
    static Map<String, Object> ttsVoice(String voiceId) {
        int colon = voiceId.indexOf(':');
        String type = colon > 0 ? voiceId.substring(0, colon) : DEFAULT_TTS;
        String id = colon > 0 ? voiceId.substring(colon + 1) : voiceId;
        if (id.isBlank()) throw invalid("voice", "the voice id after '" + type + ":' is empty");
        return Map.of("type", type, "voice_id", id);
    }

    private static Map<String, Object> background(Background background) {
        if (background instanceof Background.Color color) return Map.of("color", color.hex());
        if (background instanceof Background.Image image) {
            if (!IMAGE.matcher(image.url()).matches()) {
                throw invalid("background", "D-ID needs an https:// or s3:// .jpg/.png background image");
            }
            return Map.of("source_url", image.url());
        }
        throw invalid("background", "D-ID has no video backgrounds: give a color or an image");
    }

    private static String shortUrl(String url) {
        int query = url.indexOf('?');
        String bare = query < 0 ? url : url.substring(0, query) + "?…";
        return bare.length() > 120 ? bare.substring(0, 120) + "…" : bare;
    }

    private static InvalidRequestException invalid(String field, String why) {
        return new InvalidRequestException("'" + field + "': " + why, field, null);
    }
}
