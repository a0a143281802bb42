package dev.avatarkit.core.port;

/** The provider rejected the request as invalid; {@link #param()} names the field when known. Nothing was created. */
public class InvalidRequestException extends ProviderException {
    private final String param;

    public InvalidRequestException(String message, String param, Throwable cause) {
        this(message, param, 0, null, null, cause);
    }

    public InvalidRequestException(
            String message, String param, int httpStatus, String providerCode, String requestId, Throwable cause) {
        super(message, httpStatus, providerCode, requestId, cause);
        this.param = param;
    }

    /** The offending request field as the provider named it, or null. */
    public String param() {
        return param;
    }

    @Override
    public boolean retryable() {
        return false;
    }

    @Override
    public String code() {
        return "invalid_request";
    }
}
