package dev.avatarkit.core.port;

/** The referenced resource (video, avatar, voice, template) does not exist. */
public class NotFoundException extends ProviderException {
    public NotFoundException(String message, Throwable cause) {
        this(message, 0, null, null, cause);
    }

    public NotFoundException(String message, int httpStatus, String providerCode, String requestId, Throwable cause) {
        super(message, httpStatus, providerCode, requestId, cause);
    }

    @Override
    public boolean retryable() {
        return false;
    }

    @Override
    public String code() {
        return "not_found";
    }
}
