package dev.avatarkit.sim;

import java.time.Instant;
import java.util.List;
import java.util.Map;

/** A registered v3 webhook endpoint; the secret is shown only on create and rotate. */
final class WebhookEndpoint {
    final String id;
    final String apiKey;
    final Instant createdAt;
    volatile String url;
    volatile List<String> events; // null = all events
    volatile String secret;
    volatile String entityId;

    WebhookEndpoint(
            String id,
            String apiKey,
            String url,
            List<String> events,
            String secret,
            String entityId,
            Instant createdAt) {
        this.id = id;
        this.apiKey = apiKey;
        this.url = url;
        this.events = events;
        this.secret = secret;
        this.entityId = entityId;
        this.createdAt = createdAt;
    }

    boolean wants(String eventType) {
        List<String> e = events;
        return e == null || e.isEmpty() || e.contains(eventType);
    }

    Map<String, Object> toJson(boolean withSecret) {
        return JsonMaps.obj(
                "endpoint_id",
                id,
                "url",
                url,
                "events",
                events,
                "status",
                "enabled",
                "created_at",
                createdAt.toString(),
                "secret",
                withSecret ? secret : null);
    }
}
