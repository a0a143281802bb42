package dev.avatarkit.core.port;

/** Where a render is, by meaning. Providers' raw status words map onto these; unknown words mean RUNNING. */
public enum RenderPhase {
    /** Accepted, waiting in the provider's queue. */
    PENDING,
    /** Rendering (also: any status word we do not know yet). */
    RUNNING,
    SUCCEEDED,
    FAILED,
    /** The provider refused the content (moderation). */
    REJECTED;

    public boolean isFinished() {
        return this == SUCCEEDED || this == FAILED || this == REJECTED;
    }
}
