package dev.avatarkit.core.port;

import dev.avatarkit.core.domain.AvatarkitException;

/** A webhook delivery that must change nothing: unsigned, badly signed, stale or unparseable. */
public class WebhookRejectedException extends AvatarkitException {
    public WebhookRejectedException(String message) {
        super(message);
    }
}
