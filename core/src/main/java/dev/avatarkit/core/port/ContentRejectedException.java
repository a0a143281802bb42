package dev.avatarkit.core.port;

/**
 * The provider's moderation refused the content of a create (image, text, audio; D-ID answers 451). Nothing was
 * created and the same content is refused again, so the engine ends the job REJECTED and never retries it.
 */
public class ContentRejectedException extends InvalidRequestException {
    public ContentRejectedException(
            String message, String param, int httpStatus, String providerCode, Throwable cause) {
        super(message, param, httpStatus, providerCode, null, cause);
    }

    @Override
    public String code() {
        return "content_rejected";
    }
}
