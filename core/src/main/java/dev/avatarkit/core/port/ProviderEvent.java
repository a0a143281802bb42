package dev.avatarkit.core.port;

import dev.avatarkit.core.domain.Require;

/**
 * A verified webhook from the provider: a hint that a render changed, never trusted for URLs or outcome.
 *
 * @param eventId       the provider's event id (or a hash of the body when it has none): the dedupe key
 * @param type          the raw event type, e.g. {@code avatar_video.success}
 * @param providerRef   the render it is about, or null
 * @param correlationId the {@code callback_id} we sent (the job's idempotency key), or null
 */
public record ProviderEvent(String eventId, String type, String providerRef, String correlationId) {
    public ProviderEvent {
        Require.nonBlank(eventId, "eventId");
        Require.nonBlank(type, "type");
    }
}
