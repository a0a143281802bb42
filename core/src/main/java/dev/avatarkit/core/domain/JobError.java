package dev.avatarkit.core.domain;

/** Why a job failed (or what warning it carries): a stable code, a human message, whether retrying may help. */
public record JobError(String code, String message, boolean retryable) {
    public JobError {
        Require.nonBlank(code, "code");
        message = message == null ? "" : message;
    }
}
