package dev.avatarkit.core.port;

import dev.avatarkit.core.domain.ProviderRef;
import dev.avatarkit.core.domain.Require;

/** The provider accepted a create: its id for the render and the status word it answered with. */
public record Submission(ProviderRef ref, String rawStatus) {
    public Submission {
        Require.nonNull(ref, "ref");
    }
}
