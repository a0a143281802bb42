package dev.avatarkit.http;

import com.google.inject.AbstractModule;
import com.google.inject.Provides;
import com.google.inject.Singleton;
import dev.avatarkit.http.dashboard.Dashboard;
import dev.avatarkit.http.dashboard.DashboardParts;
import dev.avatarkit.runtime.Platform;
import io.micrometer.prometheusmetrics.PrometheusConfig;
import io.micrometer.prometheusmetrics.PrometheusMeterRegistry;

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

    @Provides @Singleton PrometheusMeterRegistry registry() {
        return new PrometheusMeterRegistry(PrometheusConfig.DEFAULT);
    }

    @Provides @Singleton Backend backend(Platform p) {
        return new Backend(p.jobs(), p.assets(), p.video(), p.createJob(), p.manageJobs(), p.templateBatch(), p.videoBatch(),
                p.createInfluencer(), p.webhooks(), p.jobEvents(), p.providerCalls(), p.clock(), p::startWorkers, p);
    }

    @Provides @Singleton Dashboard dashboard(Platform p, Backend backend) {
        return Dashboard.create(new DashboardParts(p.jobs(), p.assets(), p.manageJobs(), p.video(),
                new DashboardBatches(backend), p.createInfluencer(), p.influencerStatus(), p.influencerPlan(), p.retryFailedStills(), p.clock()),
                settings.tokens(), p.config().publicUrl());
    }

    @Provides @Singleton ApiServer server(Backend backend, PrometheusMeterRegistry registry, Dashboard dashboard) {
        return new ApiServer(backend, settings, registry, dashboard);
    }
}
