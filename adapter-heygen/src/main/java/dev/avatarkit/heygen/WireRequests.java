package dev.avatarkit.heygen;

import com.squareup.moshi.Json;
import dev.avatarkit.core.domain.Dimension;
import dev.avatarkit.core.domain.IdempotencyKey;
import dev.avatarkit.core.domain.TemplateSpec;
import dev.avatarkit.core.domain.TemplateVariable;
import dev.avatarkit.core.port.InvalidRequestException;
import dev.avatarkit.core.port.SubmitRequest;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * Request bodies both dialects send (template generate, webhook register) and the text rules every create follows
 * (the job key in the title). Null components are left out of the JSON (Moshi's default). Internal, not API: public
 * only because Moshi reads records through a public lookup.
 */
public final class WireRequests {
    static final int MAX_TITLE_PREFIX = 100;

    private WireRequests() {}

    /** {@code POST /v3/templates/{id}} and {@code POST /v2/template/{id}/generate}. */
    public record TemplateGenerate(
            Map<String, TemplateVariableBody> variables,
            String title,
            Boolean caption,
            Size dimension,
            @Json(name = "callback_id") String callbackId,
            @Json(name = "callback_url") String callbackUrl) {
        /** {@code captionAlways}: legacy sends {@code caption:false} too; v3 only {@code caption:true}. */
        static TemplateGenerate of(TemplateSpec spec, SubmitRequest request, boolean captionAlways) {
            Boolean caption = captionAlways || spec.caption() ? spec.caption() : null;
            return new TemplateGenerate(
                    templateVariables(spec.variables()),
                    WireRequests.title(spec.title(), request.key()),
                    caption,
                    Size.of(spec.dimension()),
                    request.key().value(),
                    request.callbackUrl() == null ? null : request.callbackUrl().toString());
        }
    }

    /** A template variable in HeyGen's {@code {"name","type","properties":{…}}} shape (v2; v3 takes it back as read). */
    public record TemplateVariableBody(String name, String type, VariableProperties properties) {}

    public record VariableProperties(
            String content,
            String url,
            @Json(name = "character_id") String characterId,
            String type,
            @Json(name = "voice_id") String voiceId) {}

    public record Size(int width, int height) {
        static Size of(Dimension d) {
            return d == null ? null : new Size(d.width(), d.height());
        }
    }

    /** {@code POST /v3/webhooks/endpoints} and legacy {@code /v1/webhook/endpoint.add}; no events = all events. */
    public record WebhookRegister(String url, List<String> events) {}

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

    static TemplateVariableBody templateVariable(TemplateVariable v) {
        VariableProperties properties = switch (v.type()) {
            case TEXT -> new VariableProperties(v.value(), null, null, null, null);
            case IMAGE, VIDEO, AUDIO -> new VariableProperties(null, v.value(), null, null, null);
            case CHARACTER -> new VariableProperties(null, null, v.value(), "avatar", null);
            case VOICE -> new VariableProperties(null, null, null, null, v.value());
        };
        return new TemplateVariableBody(v.name(), v.type().wireName(), properties);
    }

    static Map<String, TemplateVariableBody> templateVariables(Map<String, TemplateVariable> vars) {
        Map<String, TemplateVariableBody> out = new LinkedHashMap<>();
        vars.forEach((name, v) -> out.put(name, templateVariable(v)));
        return out;
    }

    static InvalidRequestException unsupported(String param, String what) {
        return new InvalidRequestException(what, param, 0, "unsupported_by_dialect", null, null);
    }

    /** {@code text} cut at a word boundary (with "…") so it is at most {@code max} characters. */
    static String shorten(String text, int max) {
        if (text.length() <= max) return text;
        int cut = text.lastIndexOf(' ', max - 1);
        return text.substring(0, cut > max / 2 ? cut : max - 1).stripTrailing() + "…";
    }
}
