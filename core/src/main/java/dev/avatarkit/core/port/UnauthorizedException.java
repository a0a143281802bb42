package dev.avatarkit.core.port;

/** The API key is missing, wrong or lacks permission (401/403). Nothing was created. */
public class UnauthorizedException extends ProviderException {
    public UnauthorizedException(String message, Throwable cause) {
        this(message, 0, null, null, cause);
    }

    public UnauthorizedException(
            String message, int httpStatus, String providerCode, String requestId, Throwable cause) {
        super(message, httpStatus, providerCode, requestId, cause);
    }

    @Override
    public boolean retryable() {
        return false;
    }

    @Override
    public String code() {
        return "unauthorized";
    }
}
