package dev.avatarkit.core.port;

/** 409: the first request with this idempotency key is still in flight (or a state conflict). Retry later with the same key. */
public class ConflictException extends ProviderException {
    public ConflictException(String message, Throwable cause) {
        this(message, 0, null, null, cause);
    }

    public ConflictException(String message, int httpStatus, String providerCode, String requestId, Throwable cause) {
        super(message, httpStatus, providerCode, requestId, cause);
    }

    @Override
    public boolean retryable() {
        return true;
    }

    @Override
    public String code() {
        return "request_in_progress";
    }
}
