package dev.avatarkit.core.port;

import dev.avatarkit.core.domain.ProviderRef;
import dev.avatarkit.core.domain.Require;
import java.util.Optional;

/**
 * The provider accepted a create: its id for the render and the status word it answered with. Some providers
 * answer a create with a render that is already finished (a cached result, a synchronous still): {@code finished}
 * then carries that status and the engine goes straight to the download.
 */
public record Submission(ProviderRef ref, String rawStatus, RenderStatus finished) {
    public Submission {
        Require.nonNull(ref, "ref");
        Require.that(
                finished == null || finished.phase().isFinished(),
                "finished",
                "a finished submission needs a terminal status, was " + (finished == null ? null : finished.phase()));
    }

    /** A render accepted and still in progress. */
    public Submission(ProviderRef ref, String rawStatus) {
        this(ref, rawStatus, null);
    }

    public Optional<RenderStatus> finishedStatus() {
        return Optional.ofNullable(finished);
    }
}
