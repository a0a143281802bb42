package dev.avatarkit.core.port;

import dev.avatarkit.core.domain.AvatarkitException;
import java.util.Optional;
import java.util.OptionalInt;

/**
 * Root of everything a provider adapter may throw (transport and HTTP errors never cross the port).
 * Subclasses say what happened by meaning. The details a support ticket wants (HTTP status, the provider's own
 * error code as a string, its request id) are optional: not every provider speaks HTTP or sends them.
 * Messages never contain the API key or signed URLs.
 */
public class ProviderException extends AvatarkitException {
    private final int httpStatus;
    private final String providerCode;
    private final String requestId;

    /** A failure with no HTTP details (e.g. from an SDK or a local check). */
    public ProviderException(String message, Throwable cause) {
        this(message, 0, null, null, cause);
    }

    /** @param httpStatus 0 when there was no HTTP response */
    public ProviderException(String message, int httpStatus, String providerCode, String requestId, Throwable cause) {
        super(message, cause);
        this.httpStatus = httpStatus;
        this.providerCode = providerCode;
        this.requestId = requestId;
    }

    /** The HTTP status of the response that failed, 0 when there was none. */
    public int httpStatus() {
        return httpStatus;
    }

    public OptionalInt status() {
        return httpStatus == 0 ? OptionalInt.empty() : OptionalInt.of(httpStatus);
    }

    /** The provider's own error code, or null. */
    public String providerCode() {
        return providerCode;
    }

    /** The provider's request id for support, or null. */
    public String requestId() {
        return requestId;
    }

    public Optional<String> providerCodeIfAny() {
        return Optional.ofNullable(providerCode);
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
