package dev.avatarkit.core.engine;

import java.time.Duration;
import java.time.Instant;

/**
 * Opens when the provider says the account is out of credit, so the rest of a batch is not sent only to be
 * refused one by one. While open, queued jobs fail fast with {@code insufficient_credit} (retryable: top up, then
 * {@code jobs retry}).
 */
final class CreditBreaker {
    private final Duration openFor;
    private volatile Instant openUntil = Instant.MIN;

    CreditBreaker(Duration openFor) {
        this.openFor = openFor;
    }

    void trip(Instant now) {
        openUntil = now.plus(openFor);
    }

    boolean isOpen(Instant now) {
        return now.isBefore(openUntil);
    }
}
