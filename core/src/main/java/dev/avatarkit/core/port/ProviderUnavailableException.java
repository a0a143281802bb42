package dev.avatarkit.core.port;

/** The provider could not be reached or kept failing (5xx, resets) after the adapter's own retries, on a call that is known not to have created anything. */
public class ProviderUnavailableException extends ProviderException {
    public ProviderUnavailableException(String message, Throwable cause) {
        this(message, 0, null, null, cause);
    }

    public ProviderUnavailableException(
            String message, int httpStatus, String providerCode, String requestId, Throwable cause) {
        super(message, httpStatus, providerCode, requestId, cause);
    }

    @Override
    public boolean retryable() {
        return true;
    }

    @Override
    public String code() {
        return "provider_unavailable";
    }
}
