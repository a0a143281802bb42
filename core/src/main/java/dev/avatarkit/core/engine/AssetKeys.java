package dev.avatarkit.core.engine;

import dev.avatarkit.core.domain.AssetKey;
import dev.avatarkit.core.domain.AssetKind;
import dev.avatarkit.core.domain.Job;
import dev.avatarkit.core.domain.StillSpec;

/** Storage keys, built only from server-side ids (never from user-given names). */
public final class AssetKeys {
    private AssetKeys() {}

    public static AssetKey forResult(Job job, AssetKind kind) {
        if (job.spec() instanceof StillSpec still) {
            String identity =
                    job.parentId() == null ? job.id().value() : job.parentId().value();
            return AssetKey.of("influencers", identity, "stills", still.shot().fileStem() + ".png");
        }
        return switch (job.kind()) {
            case IDENTITY -> AssetKey.of("influencers", job.id().value(), "base.png");
            case VIDEO, TEMPLATE_VIDEO -> AssetKey.of("videos", job.id().value(), kind.defaultFileName());
            case STILL -> throw new IllegalStateException("still jobs carry a StillSpec");
        };
    }

    /** Where an identity's manifest and contact sheet live. */
    public static AssetKey influencerFile(Job identityJob, String fileName) {
        return AssetKey.of("influencers", identityJob.id().value(), fileName);
    }
}
