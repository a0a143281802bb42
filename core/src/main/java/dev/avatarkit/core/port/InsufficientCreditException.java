package dev.avatarkit.core.port;

/** The account has no credit left (v3 402 {@code insufficient_credit}, legacy {@code MOVIO_PAYMENT_INSUFFICIENT_CREDIT}). Nothing was created. */
public class InsufficientCreditException extends ProviderException {
    public InsufficientCreditException(String message, Throwable cause) {
        this(message, 0, null, null, cause);
    }

    public InsufficientCreditException(
            String message, int httpStatus, String providerCode, String requestId, Throwable cause) {
        super(message, httpStatus, providerCode, requestId, cause);
    }

    @Override
    public boolean retryable() {
        return false;
    }

    @Override
    public String code() {
        return "insufficient_credit";
    }
}
