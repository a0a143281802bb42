package dev.avatarkit.did;

import dev.avatarkit.core.port.InvalidRequestException;

/**
 * 451: D-ID's moderation refused the image, text or audio (ImageModerationError, CelebrityRecognizedError…).
 * Never retried: the same content is refused again.
 */
public final class ContentRejectedException extends InvalidRequestException {
    ContentRejectedException(String message, String param, String kind) {
        super(message, param, 451, kind, null, null);
    }

    @Override
    public String code() {
        return "content_rejected";
    }
}
