package dev.avatarkit.runtime;

import com.google.inject.AbstractModule;
import com.google.inject.Provides;
import com.google.inject.Singleton;
import dev.avatarkit.core.engine.JobEngine;
import dev.avatarkit.core.influencer.CreateInfluencer;
import dev.avatarkit.core.influencer.InfluencerPlan;
import dev.avatarkit.core.influencer.InfluencerReport;
import dev.avatarkit.core.influencer.InfluencerStatus;
import dev.avatarkit.core.influencer.RetryFailedStills;
import dev.avatarkit.core.port.AssetStore;
import dev.avatarkit.core.port.AvatarProvider;
import dev.avatarkit.core.port.JobStore;
import dev.avatarkit.core.spi.ProviderDirectory;
import dev.avatarkit.core.port.VideoProvider;
import dev.avatarkit.core.usecase.AwaitJob;
import dev.avatarkit.core.usecase.CreateJob;
import dev.avatarkit.core.usecase.HandleProviderEvent;
import dev.avatarkit.core.usecase.ManageJobs;
import dev.avatarkit.core.usecase.TemplateBatch;
import dev.avatarkit.core.usecase.VideoBatch;
import java.time.Clock;

/**
 * Binds core's ports and use cases to the adapters chosen by configuration. Everything is provided lazily through
 * {@link Platform}, so a command only builds what it uses. No side effects at binding time.
 */
public final class PlatformModule extends AbstractModule {
    private final AvatarkitConfig config;
    private final PlatformOptions options;

    public PlatformModule(AvatarkitConfig config, PlatformOptions options) {
        this.config = config;
        this.options = options;
    }

    public PlatformModule(AvatarkitConfig config) {
        this(config, PlatformOptions.defaults());
    }

    @Override
    protected void configure() {
        bind(AvatarkitConfig.class).toInstance(config);
    }

    @Provides @Singleton Platform platform() { return new Platform(config, options); }
    @Provides Clock clock(Platform p) { return p.clock(); }
    @Provides JobEvents jobEvents(Platform p) { return p.jobEvents(); }
    @Provides JobStore jobs(Platform p) { return p.jobs(); }
    @Provides AssetStore assets(Platform p) { return p.assets(); }
    @Provides VideoProvider video(Platform p) { return p.video(); }
    @Provides AvatarProvider avatar(Platform p) { return p.avatar(); }
    @Provides ProviderDirectory providers(Platform p) { return p.providers(); }
    @Provides InstalledProviders installedProviders(Platform p) { return p.providers(); }
    @Provides JobEngine engine(Platform p) { return p.engine(); }
    @Provides CreateJob createJob(Platform p) { return p.createJob(); }
    @Provides ManageJobs manageJobs(Platform p) { return p.manageJobs(); }
    @Provides AwaitJob awaitJob(Platform p) { return p.awaitJob(); }
    @Provides TemplateBatch templateBatch(Platform p) { return p.templateBatch(); }
    @Provides VideoBatch videoBatch(Platform p) { return p.videoBatch(); }
    @Provides HandleProviderEvent webhooks(Platform p) { return p.webhooks(); }
    @Provides CreateInfluencer createInfluencer(Platform p) { return p.createInfluencer(); }
    @Provides InfluencerStatus influencerStatus(Platform p) { return p.influencerStatus(); }
    @Provides InfluencerReport influencerReport(Platform p) { return p.influencerReport(); }
    @Provides InfluencerPlan influencerPlan(Platform p) { return p.influencerPlan(); }
    @Provides RetryFailedStills retryFailedStills(Platform p) { return p.retryFailedStills(); }
}
