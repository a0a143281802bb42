package dev.avatarkit.core.domain;

/** Why a job failed (or what warning it carries): a stable code, a human message, whether retrying may help. */
public record JobError(String code, String message, boolean retryable) {
    /** The provider refused our credentials: whatever the provider's own word, apps map this to "fix your key". */
    public static final String UNAUTHORIZED = "unauthorized";

    public JobError {
        Require.nonBlank(code, "code");
        message = message == null ? "" : message;
    }

    public boolean isUnauthorized() {
        return UNAUTHORIZED.equals(code);
    }
}
