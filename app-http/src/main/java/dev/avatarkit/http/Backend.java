package dev.avatarkit.http;

import dev.avatarkit.core.influencer.CreateInfluencer;
import dev.avatarkit.core.port.AssetStore;
import dev.avatarkit.core.port.JobStore;
import dev.avatarkit.core.port.VideoProvider;
import dev.avatarkit.core.spi.InstalledProviders;
import dev.avatarkit.core.usecase.CreateJob;
import dev.avatarkit.core.usecase.HandleProviderEvent;
import dev.avatarkit.core.usecase.ManageJobs;
import dev.avatarkit.core.usecase.TemplateBatch;
import dev.avatarkit.core.usecase.VideoBatch;
import dev.avatarkit.runtime.JobEvents;
import dev.avatarkit.runtime.ProviderCalls;
import java.time.Clock;

/**
 * What the server needs from the platform: ports, use cases, the job-change feed, and the worker lifecycle
 * ({@code startWorkers} runs job steps here and resumes unfinished jobs; {@code shutdown} parks them).
 */
record Backend(
        JobStore jobs,
        AssetStore assets,
        InstalledProviders providers,
        CreateJob createJob,
        ManageJobs manageJobs,
        TemplateBatch templateBatch,
        VideoBatch videoBatch,
        CreateInfluencer createInfluencer,
        HandleProviderEvent webhooks,
        JobEvents events,
        ProviderCalls providerCalls,
        Clock clock,
        Runnable startWorkers,
        AutoCloseable shutdown) {

    /** The video port of the provider jobs made through {@code create} go to. */
    VideoProvider videoFor(CreateJob create) {
        String name = create.route().provider();
        return providers
                .open(create.route())
                .videos()
                .orElseThrow(() -> new dev.avatarkit.core.domain.UnsupportedCapabilityException(name, "videos"));
    }

    /** The default provider's video port (catalogue reads, ops). */
    VideoProvider video() {
        return videoFor(createJob);
    }
}
