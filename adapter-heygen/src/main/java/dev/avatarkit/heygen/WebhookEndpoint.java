package dev.avatarkit.heygen;

/** A registered HeyGen webhook endpoint; {@code secret} is shown once by HeyGen — store it as HEYGEN_WEBHOOK_SECRET. */
public record WebhookEndpoint(String endpointId, String url, String secret) {
    @Override
    public String toString() {
        return "WebhookEndpoint[" + endpointId + " " + url + " secret=" + (secret == null ? "none" : "****") + "]";
    }
}
