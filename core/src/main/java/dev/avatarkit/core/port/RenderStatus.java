package dev.avatarkit.core.port;

import dev.avatarkit.core.domain.AssetKind;
import dev.avatarkit.core.domain.JobError;
import dev.avatarkit.core.domain.Require;
import java.util.List;
import java.util.Optional;

/**
 * A render's status as read from the provider: the phase, the raw word the provider used (kept for display,
 * even when we do not know it), the result files when finished, a failure when failed, and a warning when the
 * provider finished with an error attached (e.g. a watermarked video).
 */
public record RenderStatus(RenderPhase phase, String rawStatus, List<ResultFile> results, JobError failure,
                           JobError warning) {
    public RenderStatus {
        Require.nonNull(phase, "phase");
        rawStatus = rawStatus == null ? phase.name().toLowerCase() : rawStatus;
        results = results == null ? List.of() : List.copyOf(results);
    }

    public static RenderStatus running(String raw) {
        return new RenderStatus(RenderPhase.RUNNING, raw, List.of(), null, null);
    }

    public Optional<ResultFile> result(AssetKind kind) {
        return results.stream().filter(r -> r.kind() == kind).findFirst();
    }
}
