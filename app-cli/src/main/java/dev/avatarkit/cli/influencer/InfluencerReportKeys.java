package dev.avatarkit.cli.influencer;

import dev.avatarkit.core.domain.AssetKey;
import dev.avatarkit.core.domain.Job;
import dev.avatarkit.core.engine.AssetKeys;
import dev.avatarkit.core.influencer.InfluencerReport;

/** The storage keys of an influencer's report files ({@code influencers/<id>/manifest.json}, contact sheet). */
public record InfluencerReportKeys(AssetKey manifest, AssetKey contactSheet) {
    public static InfluencerReportKeys of(Job identity) {
        return new InfluencerReportKeys(
                AssetKeys.influencerFile(identity, InfluencerReport.MANIFEST),
                AssetKeys.influencerFile(identity, InfluencerReport.CONTACT_SHEET));
    }
}
