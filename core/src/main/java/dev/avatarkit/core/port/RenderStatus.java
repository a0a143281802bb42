package dev.avatarkit.core.port;

import dev.avatarkit.core.domain.AssetKind;
import dev.avatarkit.core.domain.JobError;
import dev.avatarkit.core.domain.ProviderRef;
import dev.avatarkit.core.domain.Require;
import java.util.List;
import java.util.Optional;

/**
 * A render's status as read from the provider: the phase, the raw word the provider used (kept for display,
 * even when we do not know it), the result files when finished, a failure when failed, and a warning when the
 * provider finished with an error attached (e.g. a watermarked video). {@code successor}, when set, is the ref the
 * render goes by from now on: a create made of several provider objects (a photo, then an avatar group trained on it)
 * moves on to the next one from a status read, and the engine stores the new ref before acting on the phase.
 */
public record RenderStatus(
        RenderPhase phase,
        String rawStatus,
        List<ResultFile> results,
        JobError failure,
        JobError warning,
        ProviderRef successor) {
    public RenderStatus {
        Require.nonNull(phase, "phase");
        rawStatus = rawStatus == null ? phase.name().toLowerCase() : rawStatus;
        results = results == null ? List.of() : List.copyOf(results);
    }

    /** A status of the render's current ref (no successor). */
    public RenderStatus(
            RenderPhase phase, String rawStatus, List<ResultFile> results, JobError failure, JobError warning) {
        this(phase, rawStatus, results, failure, warning, null);
    }

    /** This status, the render going by {@code next} from now on. */
    public RenderStatus movedTo(ProviderRef next) {
        return new RenderStatus(phase, rawStatus, results, failure, warning, Require.nonNull(next, "successor"));
    }

    public static RenderStatus running(String raw) {
        return new RenderStatus(RenderPhase.RUNNING, raw, List.of(), null, null);
    }

    public Optional<ResultFile> result(AssetKind kind) {
        return results.stream().filter(r -> r.kind() == kind).findFirst();
    }
}
