package dev.avatarkit.core.influencer;

import dev.avatarkit.core.domain.AssetKind;
import dev.avatarkit.core.domain.IdentitySpec;
import dev.avatarkit.core.domain.Job;
import dev.avatarkit.core.domain.JobId;
import dev.avatarkit.core.domain.JobState;
import dev.avatarkit.core.domain.Shot;
import dev.avatarkit.core.domain.StillSpec;
import dev.avatarkit.core.domain.StoredAsset;
import dev.avatarkit.core.port.JobStore;
import java.util.ArrayList;
import java.util.EnumMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * Where an influencer is: the identity job, its stills counted by state, the stills stored so far, the shots
 * still missing (not created, rendering or failed), and the failed ones a user can retry
 * ({@code ManageJobs.retry} on each; the others are untouched).
 */
public final class InfluencerStatus {
    private final JobStore jobs;

    public InfluencerStatus(JobStore jobs) {
        this.jobs = jobs;
    }

    /** A still that is safely stored. */
    public record StoredStill(Shot shot, JobId jobId, StoredAsset asset) {}

    /**
     * @param byState  still jobs per state (states with none are absent)
     * @param missing  shots without a stored still, in shot order
     * @param failed   still jobs that ended without a still (FAILED, REJECTED, CANCELED, NEEDS_ATTENTION)
     */
    public record View(
            Job identity,
            int shots,
            Map<JobState, Integer> byState,
            List<StoredStill> stored,
            List<Shot> missing,
            List<Job> failed) {
        public View {
            byState = Map.copyOf(byState);
            stored = List.copyOf(stored);
            missing = List.copyOf(missing);
            failed = List.copyOf(failed);
        }

        /** True when nothing more will happen by itself: the identity and every still are terminal. */
        public boolean finished() {
            int stillsFinished = byState.entrySet().stream()
                    .filter(e -> e.getKey().isTerminal())
                    .mapToInt(Map.Entry::getValue)
                    .sum();
            return identity.state().isTerminal() && (identity.state() != JobState.SUCCEEDED || stillsFinished == shots);
        }

        /** True when every shot has a stored still. */
        public boolean complete() {
            return missing.isEmpty();
        }
    }

    public View status(JobId identityId) {
        Job identity = IdentityJobs.identity(jobs, identityId);
        IdentitySpec spec = IdentityJobs.spec(identity);
        Map<JobState, Integer> byState = new EnumMap<>(JobState.class);
        List<StoredStill> stored = new ArrayList<>();
        List<Job> failed = new ArrayList<>();
        Set<Integer> storedShots = new HashSet<>();
        for (Job still : IdentityJobs.stills(jobs, identityId)) {
            byState.merge(still.state(), 1, Integer::sum);
            var asset = still.asset(AssetKind.STILL);
            if (still.state() == JobState.SUCCEEDED && asset.isPresent()) {
                Shot shot = ((StillSpec) still.spec()).shot();
                stored.add(new StoredStill(shot, still.id(), asset.get()));
                storedShots.add(shot.index());
            } else if (still.state().isTerminal()) {
                failed.add(still);
            }
        }
        List<Shot> missing = spec.shots().shots().stream()
                .filter(s -> !storedShots.contains(s.index()))
                .toList();
        return new View(identity, spec.shots().size(), byState, stored, missing, failed);
    }
}
