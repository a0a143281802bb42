package dev.avatarkit.core.port;

import dev.avatarkit.core.domain.AvatarkitException;

/**
 * Root of everything a provider adapter may throw (transport and HTTP errors never cross the port).
 * Subclasses say what happened by meaning; each carries the HTTP status (0 when none), the provider's own error
 * code (string even when the provider sent a number), and the provider's request id, for support tickets.
 * Messages never contain the API key or signed URLs.
 */
public class ProviderException extends AvatarkitException {
    private final int httpStatus;
    private final String providerCode;
    private final String requestId;

    public ProviderException(String message, int httpStatus, String providerCode, String requestId, Throwable cause) {
        super(message, cause);
        this.httpStatus = httpStatus;
        this.providerCode = providerCode;
        this.requestId = requestId;
    }

    public int httpStatus() {
        return httpStatus;
    }

    public String providerCode() {
        return providerCode;
    }

    public String requestId() {
        return requestId;
    }

    /** True when the same call may succeed later (the engine reschedules instead of failing the job). */
    public boolean retryable() {
        return false;
    }

    /** A stable lowercase code for users and the job's error (e.g. {@code rate_limited}). */
    public String code() {
        return "provider_error";
    }
}
