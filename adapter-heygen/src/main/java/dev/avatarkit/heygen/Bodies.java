package dev.avatarkit.heygen;

import dev.avatarkit.core.domain.Background;
import dev.avatarkit.core.domain.Character;
import dev.avatarkit.core.domain.Dimension;
import dev.avatarkit.core.domain.IdempotencyKey;
import dev.avatarkit.core.domain.TemplateVariable;
import dev.avatarkit.core.domain.Voice;
import dev.avatarkit.core.port.InvalidRequestException;
import java.util.LinkedHashMap;
import java.util.Map;

/** Request-body pieces shared by both dialects. */
final class Bodies {
    static final int MAX_TITLE_PREFIX = 100;

    private Bodies() {}

    /**
     * The title sent to HeyGen: the user's title (or "avatarkit") plus the job key in brackets, so a render can be
     * found by listing even on routes whose items do not echo {@code callback_id}.
     */
    static String title(String userTitle, IdempotencyKey key) {
        String base = userTitle == null || userTitle.isBlank() ? "avatarkit" : userTitle.strip();
        if (base.length() > MAX_TITLE_PREFIX) base = base.substring(0, MAX_TITLE_PREFIX);
        return base + " [" + key.value() + "]";
    }

    static boolean titleCarries(String title, IdempotencyKey key) {
        return title != null && title.endsWith("[" + key.value() + "]");
    }

    /** Template variable in HeyGen's {@code {"name","type","properties":{…}}} shape (v2; v3 takes it back as read). */
    static Map<String, Object> templateVariable(TemplateVariable v) {
        Map<String, Object> properties = new LinkedHashMap<>();
        switch (v.type()) {
            case TEXT -> properties.put("content", v.value());
            case IMAGE, VIDEO, AUDIO -> properties.put("url", v.value());
            case CHARACTER -> {
                properties.put("character_id", v.value());
                properties.put("type", "avatar");
            }
            case VOICE -> properties.put("voice_id", v.value());
        }
        Map<String, Object> out = new LinkedHashMap<>();
        out.put("name", v.name());
        out.put("type", v.type().wireName());
        out.put("properties", properties);
        return out;
    }

    static Map<String, Object> templateVariables(Map<String, TemplateVariable> vars) {
        Map<String, Object> out = new LinkedHashMap<>();
        vars.forEach((name, v) -> out.put(name, templateVariable(v)));
        return out;
    }

    static Map<String, Object> dimension(Dimension d) {
        return d == null ? null : Map.of("width", d.width(), "height", d.height());
    }

    static InvalidRequestException unsupported(String param, String what) {
        return new InvalidRequestException(what, param, 0, "unsupported_by_dialect", null, null);
    }

    // ---- legacy scene pieces (v2 video_inputs)

    static Map<String, Object> legacyCharacter(Character c) {
        Map<String, Object> out = new LinkedHashMap<>();
        if (c instanceof Character.Avatar a) {
            out.put("type", "avatar");
            out.put("avatar_id", a.avatarId());
            putIfNotNull(out, "avatar_style", a.style());
            putIfNotNull(out, "scale", a.scale());
            if (a.offsetX() != null || a.offsetY() != null) {
                out.put("offset", Map.of("x", a.offsetX() == null ? 0.0 : a.offsetX(), "y", a.offsetY() == null ? 0.0 : a.offsetY()));
            }
        } else if (c instanceof Character.TalkingPhoto t) {
            out.put("type", "talking_photo");
            out.put("talking_photo_id", t.talkingPhotoId());
            putIfNotNull(out, "scale", t.scale());
        } else {
            throw unsupported("character", "the legacy dialect cannot animate an image URL; upload it as a talking photo or use v3");
        }
        return out;
    }

    static Map<String, Object> legacyVoice(Voice v, int maxChars) {
        Map<String, Object> out = new LinkedHashMap<>();
        if (v instanceof Voice.Text t) {
            if (t.text().length() > maxChars) {
                throw new InvalidRequestException("'text' is " + t.text().length() + " characters; the legacy limit per scene is "
                        + maxChars + " (split it across scenes)", "text", 0, "text_too_long", null, null);
            }
            out.put("type", "text");
            out.put("voice_id", t.voiceId());
            out.put("input_text", t.text());
            putIfNotNull(out, "speed", t.speed());
            putIfNotNull(out, "pitch", t.pitch());
            putIfNotNull(out, "emotion", t.emotion());
            putIfNotNull(out, "locale", t.locale());
        } else if (v instanceof Voice.Audio a) {
            out.put("type", "audio");
            putIfNotNull(out, "audio_url", a.audioUrl());
            putIfNotNull(out, "audio_asset_id", a.audioAssetId());
        } else if (v instanceof Voice.Silence s) {
            out.put("type", "silence");
            out.put("duration", s.seconds());
        }
        return out;
    }

    static Map<String, Object> legacyBackground(Background b) {
        if (b == null) return null;
        Map<String, Object> out = new LinkedHashMap<>();
        if (b instanceof Background.Color c) {
            out.put("type", "color");
            out.put("value", c.hex());
        } else if (b instanceof Background.Image i) {
            out.put("type", "image");
            out.put("url", i.url());
        } else if (b instanceof Background.Video v) {
            out.put("type", "video");
            out.put("url", v.url());
        }
        return out;
    }

    /** {@code text} cut at a word boundary (with "…") so it is at most {@code max} characters. */
    static String shorten(String text, int max) {
        if (text.length() <= max) return text;
        int cut = text.lastIndexOf(' ', max - 1);
        return text.substring(0, cut > max / 2 ? cut : max - 1).stripTrailing() + "…";
    }

    static void putIfNotNull(Map<String, Object> map, String key, Object value) {
        if (value != null) map.put(key, value);
    }
}
