package dev.avatarkit.core.port;

/** A create call may or may not have created the render (timeout, reset or 5xx after the request was sent, unreadable 2xx). The engine must reconcile before creating again. */
public class OutcomeUnknownException extends ProviderException {
    public OutcomeUnknownException(String message, Throwable cause) {
        this(message, 0, null, null, cause);
    }

    public OutcomeUnknownException(
            String message, int httpStatus, String providerCode, String requestId, Throwable cause) {
        super(message, httpStatus, providerCode, requestId, cause);
    }

    @Override
    public boolean retryable() {
        return true;
    }

    @Override
    public String code() {
        return "outcome_unknown";
    }
}
