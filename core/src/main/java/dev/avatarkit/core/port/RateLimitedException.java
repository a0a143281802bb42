package dev.avatarkit.core.port;

import java.time.Duration;

/** 429 (rate or concurrency limit) after the adapter's retry budget: nothing was created; wait {@link #retryAfter()}. */
public class RateLimitedException extends ProviderException {
    private final Duration retryAfter;

    public RateLimitedException(String message, Duration retryAfter, Throwable cause) {
        this(message, retryAfter, 0, null, null, cause);
    }

    public RateLimitedException(
            String message,
            Duration retryAfter,
            int httpStatus,
            String providerCode,
            String requestId,
            Throwable cause) {
        super(message, httpStatus, providerCode, requestId, cause);
        this.retryAfter = retryAfter;
    }

    /** How long the provider asked us to wait (already capped by the adapter); never null. */
    public Duration retryAfter() {
        return retryAfter;
    }

    @Override
    public boolean retryable() {
        return true;
    }

    @Override
    public String code() {
        return "rate_limited";
    }
}
