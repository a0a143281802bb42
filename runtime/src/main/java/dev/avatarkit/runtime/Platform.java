package dev.avatarkit.runtime;

import com.google.inject.Guice;
import com.google.inject.Injector;
import dev.avatarkit.core.engine.JobEngine;
import dev.avatarkit.core.influencer.CreateInfluencer;
import dev.avatarkit.core.influencer.InfluencerPlan;
import dev.avatarkit.core.influencer.InfluencerReport;
import dev.avatarkit.core.influencer.InfluencerStatus;
import dev.avatarkit.core.influencer.RetryFailedStills;
import dev.avatarkit.core.port.AssetStore;
import dev.avatarkit.core.port.AvatarProvider;
import dev.avatarkit.core.port.JobStore;
import dev.avatarkit.core.port.VideoProvider;
import dev.avatarkit.core.spi.InstalledProviders;
import dev.avatarkit.core.spi.Provider;
import dev.avatarkit.core.spi.ProviderDirectory;
import dev.avatarkit.core.spi.SandboxPlugin;
import dev.avatarkit.core.usecase.AwaitJob;
import dev.avatarkit.core.usecase.CreateJob;
import dev.avatarkit.core.usecase.HandleProviderEvent;
import dev.avatarkit.core.usecase.ManageJobs;
import dev.avatarkit.core.usecase.TemplateBatch;
import dev.avatarkit.core.usecase.VideoBatch;
import dev.avatarkit.storage.jdbc.JobDatabase;
import java.net.URI;
import java.time.Clock;
import java.util.Optional;

/**
 * A handle on an assembled platform (the injector of {@link PlatformModule}) for tests, tools and embedders that want
 * the whole runtime: its parts, {@link #startWorkers()} and {@link #close()}. The apps inject what they use instead.
 */
public final class Platform implements AutoCloseable {
    private final Injector injector;

    /** Assembles the platform for {@code config}; nothing is built until asked for. */
    public Platform(AvatarkitConfig config, PlatformOptions options) {
        this(Guice.createInjector(new PlatformModule(config, options)));
    }

    Platform(Injector injector) {
        this.injector = injector;
    }

    public AvatarkitConfig config() {
        return injector.getInstance(AvatarkitConfig.class);
    }

    public Clock clock() {
        return injector.getInstance(Clock.class);
    }

    public JobEvents jobEvents() {
        return injector.getInstance(JobEvents.class);
    }

    /** What the provider adapters report about their requests (latency by route and outcome, retries). */
    public ProviderCalls providerCalls() {
        return injector.getInstance(ProviderCalls.class);
    }

    /** The running sandbox of {@code provider} (its simulator), in sandbox mode only. */
    public Optional<SandboxPlugin.Running> sandbox(String provider) {
        return providers().sandbox(provider);
    }

    /** The sandbox of the default provider, in sandbox mode only. */
    public Optional<SandboxPlugin.Running> sandbox() {
        return sandbox(config().provider());
    }

    public JobDatabase database() {
        return injector.getInstance(JobDatabase.class);
    }

    public JobStore jobs() {
        return injector.getInstance(JobStore.class);
    }

    public AssetStore assets() {
        return injector.getInstance(AssetStore.class);
    }

    /** Every installed provider, opened per job route on first use. */
    public InstalledProviders providers() {
        return injector.getInstance(InstalledProviders.class);
    }

    /** The default provider (or {@code name}, when given), opened. */
    public Provider provider(String name) {
        ProviderDirectory directory = providers();
        return directory.open(name == null || name.isBlank() ? directory.defaultRoute() : directory.routeFor(name));
    }

    /** The default provider's videos (catalogue commands, doctor). */
    public VideoProvider video() {
        return injector.getInstance(VideoProvider.class);
    }

    public AvatarProvider avatar() {
        return injector.getInstance(AvatarProvider.class);
    }

    public JobEngine engine() {
        return injector.getInstance(JobEngine.class);
    }

    /** Starts running job steps in this process and resumes everything a previous process left unfinished. */
    public void startWorkers() {
        injector.getInstance(Workers.class).start();
    }

    public CreateJob createJob() {
        return injector.getInstance(CreateJob.class);
    }

    public ManageJobs manageJobs() {
        return injector.getInstance(ManageJobs.class);
    }

    public AwaitJob awaitJob() {
        return injector.getInstance(AwaitJob.class);
    }

    public TemplateBatch templateBatch() {
        return injector.getInstance(TemplateBatch.class);
    }

    public VideoBatch videoBatch() {
        return injector.getInstance(VideoBatch.class);
    }

    public CreateInfluencer createInfluencer() {
        return injector.getInstance(CreateInfluencer.class);
    }

    public InfluencerStatus influencerStatus() {
        return injector.getInstance(InfluencerStatus.class);
    }

    public InfluencerReport influencerReport() {
        return injector.getInstance(InfluencerReport.class);
    }

    public InfluencerPlan influencerPlan() {
        return injector.getInstance(InfluencerPlan.class);
    }

    public RetryFailedStills retryFailedStills() {
        return injector.getInstance(RetryFailedStills.class);
    }

    public HandleProviderEvent webhooks() {
        return injector.getInstance(HandleProviderEvent.class);
    }

    /** {@code AVATARKIT_PUBLIC_URL}/webhooks/{@code provider}, where that provider's webhooks arrive; null = polling only. */
    public URI callbackUrl(String provider) {
        AvatarkitConfig config = config();
        if (config.publicUrl() == null) return null;
        String base = config.publicUrl().toString().replaceAll("/+$", "");
        return URI.create(base + "/webhooks/" + provider);
    }

    /** Stops workers (running steps finish or are revived later), then closes everything, newest first. */
    @Override
    public void close() {
        injector.getInstance(Lifecycle.class).close();
    }
}
