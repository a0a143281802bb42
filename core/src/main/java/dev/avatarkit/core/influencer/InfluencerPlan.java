package dev.avatarkit.core.influencer;

import dev.avatarkit.core.domain.IdentitySpec;
import dev.avatarkit.core.domain.Shot;
import dev.avatarkit.core.port.AvatarProvider;
import java.util.List;

/**
 * A dry run of {@link CreateInfluencer}: the same checks, nothing stored or sent. Says how many paid provider
 * calls the identity costs (one base look + one per still; reference uploads are free), how many renders run at
 * once on this account, and the prompt each still will be sent with.
 */
public final class InfluencerPlan {
    private final AvatarProvider provider;

    public InfluencerPlan(AvatarProvider provider) {
        this.provider = provider;
    }

    /** One still as it will be requested. */
    public record PlannedStill(Shot shot, String prompt) {}

    /**
     * @param paidCalls        1 (identity) + stills
     * @param referenceUploads local reference files uploaded before the identity is created
     * @param maxConcurrency   renders in flight at once on the provider account
     */
    public record Plan(
            String provider,
            String identityName,
            int paidCalls,
            int stills,
            int referenceUploads,
            int maxConcurrency,
            List<PlannedStill> plannedStills) {
        public Plan {
            plannedStills = List.copyOf(plannedStills);
        }
    }

    public Plan plan(IdentitySpec spec) {
        ReferenceImages.check(spec);
        List<PlannedStill> stills = spec.shots().shots().stream()
                .map(shot -> new PlannedStill(shot, ShotPrompt.build(spec, shot)))
                .toList();
        int uploads = (int) spec.references().stream()
                .filter(r -> !ReferenceImages.isUrl(r))
                .count();
        return new Plan(
                provider.name(),
                spec.name(),
                1 + stills.size(),
                stills.size(),
                uploads,
                provider.capabilities().maxConcurrency(),
                stills);
    }
}
