package dev.avatarkit.sim;

import java.nio.charset.StandardCharsets;
import java.security.SecureRandom;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HexFormat;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.CopyOnWriteArrayList;

/** Registered endpoints, the delivered-event log, and fan-out of each event to callback_url and endpoints. */
final class WebhookHub {
    static final List<String> EVENT_TYPES = List.of(
            "avatar_video.success",
            "avatar_video.fail",
            "avatar_video_gif.success",
            "avatar_video_gif.fail",
            "avatar_video_caption.success",
            "avatar_video_caption.fail",
            "video_translate.success",
            "video_translate.fail",
            "photo_avatar_generation.success",
            "photo_avatar_generation.fail",
            "photo_avatar_train.success",
            "photo_avatar_train.fail",
            "batch.finished");
    private static final SecureRandom RANDOM = new SecureRandom();
    private final Map<String, WebhookEndpoint> endpoints = new ConcurrentHashMap<>();
    private final List<String> endpointOrder = new CopyOnWriteArrayList<>();
    private final List<Map<String, Object>> events = new CopyOnWriteArrayList<>();
    private final WebhookSender sender;
    private final Faults faults;
    private final Stats stats;
    private final String callbackSecret;

    WebhookHub(WebhookSender sender, Faults faults, Stats stats, String callbackSecret) {
        this.sender = sender;
        this.faults = faults;
        this.stats = stats;
        this.callbackSecret = callbackSecret;
    }

    static String randomHex(int bytes) {
        byte[] b = new byte[bytes];
        RANDOM.nextBytes(b);
        return HexFormat.of().formatHex(b);
    }

    WebhookEndpoint register(String apiKey, String url, List<String> eventTypes, String entityId, Instant now) {
        WebhookEndpoint e = new WebhookEndpoint(
                "ep_" + randomHex(8), apiKey, url, eventTypes, "whsec_" + randomHex(24), entityId, now);
        endpoints.put(e.id, e);
        endpointOrder.add(e.id);
        return e;
    }

    WebhookEndpoint endpoint(String apiKey, String id) {
        WebhookEndpoint e = id == null ? null : endpoints.get(id);
        return e != null && e.apiKey.equals(apiKey) ? e : null;
    }

    List<WebhookEndpoint> endpoints(String apiKey) {
        List<WebhookEndpoint> out = new ArrayList<>();
        for (String id : endpointOrder) {
            WebhookEndpoint e = endpoints.get(id);
            if (e != null && e.apiKey.equals(apiKey)) out.add(e);
        }
        return out;
    }

    void delete(String id) {
        endpoints.remove(id);
        endpointOrder.remove(id);
    }

    String rotate(WebhookEndpoint e) {
        e.secret = "whsec_" + randomHex(24); // the old secret stops working at once (no overlap window)
        return e.secret;
    }

    List<Map<String, Object>> events(String eventType, String entityId) {
        List<Map<String, Object>> out = new ArrayList<>();
        for (int i = events.size() - 1; i >= 0; i--) {
            Map<String, Object> ev = events.get(i);
            if (eventType != null && !eventType.equals(ev.get("event_type"))) continue;
            if (entityId != null && !entityId.equals(((Map<?, ?>) ev.get("event_data")).get("video_id"))) continue;
            out.add(ev);
        }
        return out;
    }

    /** Publishes one event to the job's callback_url (simulator callback secret) and every matching endpoint of the key. */
    void publish(String apiKey, String eventType, Map<String, Object> eventData, String callbackUrl, Instant now) {
        String eventId = "evt_" + randomHex(12);
        events.add(JsonMaps.obj(
                "event_id", eventId, "event_type", eventType, "event_data", eventData, "created_at", now.toString()));
        byte[] body = JsonMaps.writeString(JsonMaps.obj("event_type", eventType, "event_data", eventData))
                .getBytes(StandardCharsets.UTF_8);
        WebhookSender.Signing signing = WebhookSender.Signing.SIGNED;
        for (FaultRule f : faults.evaluate("WEBHOOK")) {
            stats.fault(f.kind());
            switch (f.kind()) {
                case WEBHOOK_DROP -> {
                    stats.webhookDropped();
                    return;
                }
                case WEBHOOK_UNSIGNED -> signing = WebhookSender.Signing.UNSIGNED;
                case WEBHOOK_BAD_SIGNATURE -> signing = WebhookSender.Signing.BAD_SIGNATURE;
                default -> {}
            }
        }
        if (callbackUrl != null && !callbackUrl.isBlank())
            sender.send(callbackUrl, callbackSecret, body, eventId, signing);
        for (WebhookEndpoint e : endpoints(apiKey)) {
            if (e.wants(eventType)) sender.send(e.url, e.secret, body, eventId, signing);
        }
    }

    void clear() {
        endpoints.clear();
        endpointOrder.clear();
        events.clear();
    }
}
