package dev.avatarkit.core.domain;

import java.util.EnumSet;
import java.util.Set;

/**
 * A job's lifecycle, shown to users (names are a contract).
 * <pre>
 * QUEUED → SUBMITTING → RENDERING → DOWNLOADING → SUCCEEDED
 *                  ↘ NEEDS_ATTENTION (create outcome unknown, could not reconcile)
 * any non-terminal → FAILED | REJECTED | CANCELED
 * </pre>
 */
public enum JobState {
    /** Accepted and stored; nothing sent to the provider yet. */
    QUEUED,
    /** The create call may be in flight; the idempotency key is already persisted. */
    SUBMITTING,
    /** The provider accepted the job; we poll (or wait for a webhook). */
    RENDERING,
    /** Rendered; assets are being copied into the store. */
    DOWNLOADING,
    SUCCEEDED,
    FAILED,
    /** The provider refused the content (moderation). */
    REJECTED,
    CANCELED,
    /** A create's outcome is unknown and reconciling did not settle it; never resubmitted silently. */
    NEEDS_ATTENTION;

    private static final Set<JobState> TERMINAL = EnumSet.of(SUCCEEDED, FAILED, REJECTED, CANCELED, NEEDS_ATTENTION);

    /** True when the engine will not move the job again by itself. */
    public boolean isTerminal() {
        return TERMINAL.contains(this);
    }

    /** True once the provider may have been asked to render (so a new create could pay twice). */
    public boolean mayHaveReachedProvider() {
        return this != QUEUED;
    }
}
