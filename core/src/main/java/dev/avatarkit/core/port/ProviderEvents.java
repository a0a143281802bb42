package dev.avatarkit.core.port;

import java.util.List;
import java.util.Map;

/** Turns a raw webhook delivery into a verified event, or rejects it. */
public interface ProviderEvents {
    /**
     * Verifies the signature (hex HMAC-SHA256 of the raw body with the configured secret; header name variants;
     * timestamp within tolerance; constant-time compare) and parses the body leniently.
     *
     * @param headers header names in any case, each with its values
     * @throws WebhookRejectedException when no secret is configured, the signature is missing or wrong, the
     *                                  timestamp is stale, or the body is not a webhook event
     */
    ProviderEvent verify(Map<String, List<String>> headers, byte[] rawBody);
}
