package dev.avatarkit.http;

import com.google.inject.AbstractModule;
import com.google.inject.Provides;
import com.google.inject.Singleton;
import dev.avatarkit.core.influencer.CreateInfluencer;
import dev.avatarkit.core.influencer.InfluencerPlan;
import dev.avatarkit.core.influencer.InfluencerStatus;
import dev.avatarkit.core.influencer.RetryFailedStills;
import dev.avatarkit.core.port.AssetStore;
import dev.avatarkit.core.port.JobStore;
import dev.avatarkit.core.spi.InstalledProviders;
import dev.avatarkit.core.usecase.CreateJob;
import dev.avatarkit.core.usecase.HandleProviderEvent;
import dev.avatarkit.core.usecase.ManageJobs;
import dev.avatarkit.core.usecase.TemplateBatch;
import dev.avatarkit.core.usecase.VideoBatch;
import dev.avatarkit.http.dashboard.Dashboard;
import dev.avatarkit.http.dashboard.DashboardParts;
import dev.avatarkit.runtime.AvatarkitConfig;
import dev.avatarkit.runtime.JobEvents;
import dev.avatarkit.runtime.Lifecycle;
import dev.avatarkit.runtime.ProviderCalls;
import dev.avatarkit.runtime.Workers;
import io.micrometer.prometheusmetrics.PrometheusConfig;
import io.micrometer.prometheusmetrics.PrometheusMeterRegistry;
import java.time.Clock;

/** The server on top of {@code PlatformModule}: settings, the Prometheus registry and the {@link ApiServer}. */
public final class HttpModule extends AbstractModule {
    private final HttpSettings settings;

    HttpModule(HttpSettings settings) {
        this.settings = settings;
    }

    @Override
    protected void configure() {
        bind(HttpSettings.class).toInstance(settings);
    }

    @Provides
    @Singleton
    PrometheusMeterRegistry registry() {
        return new PrometheusMeterRegistry(PrometheusConfig.DEFAULT);
    }

    @Provides
    @Singleton
    Backend backend(
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
            ProviderCalls calls,
            Clock clock,
            Workers workers,
            Lifecycle lifecycle) {
        return new Backend(
                jobs,
                assets,
                providers,
                createJob,
                manageJobs,
                templateBatch,
                videoBatch,
                createInfluencer,
                webhooks,
                events,
                calls,
                clock,
                workers::start,
                lifecycle);
    }

    @Provides
    @Singleton
    Dashboard dashboard(
            Backend backend,
            InfluencerStatus influencerStatus,
            InfluencerPlan influencerPlan,
            RetryFailedStills retryFailedStills,
            AvatarkitConfig config) {
        return Dashboard.create(
                new DashboardParts(
                        backend.jobs(),
                        backend.assets(),
                        backend.manageJobs(),
                        backend.providers(),
                        new DashboardBatches(backend),
                        backend.createInfluencer(),
                        influencerStatus,
                        influencerPlan,
                        retryFailedStills,
                        backend.clock()),
                settings.tokens(),
                config.publicUrl());
    }

    @Provides
    @Singleton
    ApiServer server(Backend backend, PrometheusMeterRegistry registry, Dashboard dashboard) {
        return new ApiServer(backend, settings, registry, dashboard);
    }
}
