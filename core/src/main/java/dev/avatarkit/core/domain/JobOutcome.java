package dev.avatarkit.core.domain;

import java.util.ArrayList;
import java.util.List;

/**
 * What a {@link Job} produced: its {@code error} and {@code warning} (both nullable) and its stored assets
 * (never null; null reads as none).
 */
public record JobOutcome(JobError error, JobError warning, List<StoredAsset> assets) {
    /** Nothing yet (a queued or requeued job). */
    public static final JobOutcome NONE = new JobOutcome(null, null, List.of());

    public JobOutcome {
        assets = assets == null ? List.of() : List.copyOf(assets);
    }

    public JobOutcome withError(JobError newError) {
        return new JobOutcome(newError, warning, assets);
    }

    public JobOutcome withWarning(JobError newWarning) {
        return new JobOutcome(error, newWarning, assets);
    }

    /** Adds (or replaces, by key) a stored asset. */
    public JobOutcome withAsset(StoredAsset asset) {
        List<StoredAsset> next = new ArrayList<>();
        for (StoredAsset existing : assets) {
            if (!existing.key().equals(asset.key())) next.add(existing);
        }
        next.add(asset);
        return new JobOutcome(error, warning, next);
    }
}
