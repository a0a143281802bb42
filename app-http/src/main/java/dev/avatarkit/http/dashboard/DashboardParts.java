package dev.avatarkit.http.dashboard;

import dev.avatarkit.core.influencer.CreateInfluencer;
import dev.avatarkit.core.influencer.InfluencerPlan;
import dev.avatarkit.core.influencer.InfluencerStatus;
import dev.avatarkit.core.influencer.RetryFailedStills;
import dev.avatarkit.core.port.AssetStore;
import dev.avatarkit.core.port.JobStore;
import dev.avatarkit.core.spi.ProviderDirectory;
import dev.avatarkit.core.usecase.ManageJobs;
import java.time.Clock;

/** What the dashboard reads and acts through: the same ports and use cases as the JSON API and the CLI. */
public record DashboardParts(
        JobStore jobs,
        AssetStore assets,
        ManageJobs manageJobs,
        ProviderDirectory providers,
        BatchPlanner batches,
        CreateInfluencer createInfluencer,
        InfluencerStatus influencerStatus,
        InfluencerPlan influencerPlan,
        RetryFailedStills retryFailedStills,
        Clock clock) {}
