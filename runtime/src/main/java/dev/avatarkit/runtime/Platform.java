package dev.avatarkit.runtime;

import dev.avatarkit.core.engine.EnginePolicy;
import dev.avatarkit.core.engine.JobEngine;
import dev.avatarkit.core.engine.JobHooks;
import dev.avatarkit.core.influencer.CreateInfluencer;
import dev.avatarkit.core.influencer.InfluencerHooks;
import dev.avatarkit.core.influencer.InfluencerPlan;
import dev.avatarkit.core.influencer.InfluencerReport;
import dev.avatarkit.core.influencer.InfluencerStatus;
import dev.avatarkit.core.influencer.RetryFailedStills;
import dev.avatarkit.core.port.AssetStore;
import dev.avatarkit.core.port.AvatarProvider;
import dev.avatarkit.core.port.JobStore;
import dev.avatarkit.core.spi.ProviderDirectory;
import dev.avatarkit.core.port.Sleeper;
import dev.avatarkit.core.spi.Provider;
import dev.avatarkit.core.spi.ProviderContext;
import dev.avatarkit.core.spi.SandboxPlugin;
import dev.avatarkit.core.port.VideoProvider;
import dev.avatarkit.core.usecase.AwaitJob;
import dev.avatarkit.core.usecase.CreateJob;
import dev.avatarkit.core.usecase.HandleProviderEvent;
import dev.avatarkit.core.usecase.ManageJobs;
import dev.avatarkit.core.usecase.TemplateBatch;
import dev.avatarkit.core.usecase.VideoBatch;
import dev.avatarkit.storage.jdbc.JdbcJobStore;
import dev.avatarkit.storage.jdbc.JobDatabase;
import dev.avatarkit.storage.scheduling.DbSchedulerStepScheduler;
import java.net.URI;
import java.time.Clock;
import java.util.ArrayDeque;
import java.util.Deque;
import java.util.Optional;
import java.util.logging.Level;
import java.util.logging.Logger;

/**
 * avatarkit assembled from configuration: each part is built on first use (so {@code jobs list} opens the database
 * and nothing else) and closed in reverse order. The same assembly runs inside the CLI and the server.
 */
public final class Platform implements AutoCloseable {
    private static final Logger LOG = Logger.getLogger(Platform.class.getName());

    private final AvatarkitConfig config;
    private final PlatformOptions options;
    private final Clock clock = Clock.systemUTC();
    private final JobEvents events = new JobEvents();
    private final ProviderCalls providerCalls = new ProviderCalls();
    private final Deque<AutoCloseable> toClose = new ArrayDeque<>();
    private JobDatabase database;
    private JobStore jobs;
    private AssetStore assets;
    private InstalledProviders providers;
    private DbSchedulerStepScheduler scheduler;
    private JobEngine engine;
    private boolean workersStarted;

    public Platform(AvatarkitConfig config, PlatformOptions options) {
        this.config = config;
        this.options = options;
    }

    public AvatarkitConfig config() {
        return config;
    }

    public Clock clock() {
        return clock;
    }

    public JobEvents jobEvents() {
        return events;
    }

    /** What the provider adapter reports about its requests (latency by route and outcome, retries). */
    public ProviderCalls providerCalls() {
        return providerCalls;
    }

    /** The running sandbox of {@code provider} (its simulator), in sandbox mode only. */
    public Optional<SandboxPlugin.Running> sandbox(String provider) {
        return providers().sandbox(provider);
    }

    /** The sandbox of the default provider, in sandbox mode only. */
    public Optional<SandboxPlugin.Running> sandbox() {
        return sandbox(config.provider());
    }

    public synchronized JobDatabase database() {
        if (database == null) database = closing(JobDatabase.open(Wiring.database(config)));
        return database;
    }

    public synchronized JobStore jobs() {
        if (jobs == null) jobs = new JdbcJobStore(database());
        return jobs;
    }

    public synchronized AssetStore assets() {
        if (assets == null) assets = Wiring.assetStore(config, clock);
        return assets;
    }

    /** Every installed provider, opened per job route on first use. */
    public synchronized InstalledProviders providers() {
        if (providers == null) {
            providers = closing(new InstalledProviders(ProviderPlugins.installed(), config.providerSettings(),
                    config.provider(), new ProviderContext(clock, Sleeper.system(), providerCalls),
                    config.sandbox() ? options.sandboxRenderTime() : null));
        }
        return providers;
    }

    /** The default provider (or {@code name}, when given), opened. */
    public Provider provider(String name) {
        ProviderDirectory directory = providers();
        return directory.open(name == null || name.isBlank() ? directory.defaultRoute() : directory.routeFor(name));
    }

    /** The default provider's videos (catalogue commands, doctor). */
    public VideoProvider video() {
        Provider provider = provider(null);
        return provider.videos().orElseThrow(() -> new dev.avatarkit.core.domain.UnsupportedCapabilityException(provider.name(), "videos"));
    }

    public AvatarProvider avatar() {
        Provider provider = provider(null);
        return provider.avatars().orElseThrow(() -> new dev.avatarkit.core.domain.UnsupportedCapabilityException(provider.name(), "identities and stills"));
    }

    public synchronized JobEngine engine() {
        if (engine == null) {
            // each provider's own max concurrency sizes the gate; the policy only caps it
            EnginePolicy policy = options.policy() != null ? options.policy() : EnginePolicy.defaults(EnginePolicy.NO_CAP);
            scheduler = new DbSchedulerStepScheduler(database(), Wiring.schedulerSettings(database(), options),
                    id -> engine.advance(id));
            engine = JobEngine.builder().jobs(jobs()).assets(assets()).providers(providers())
                    .scheduler(scheduler).clock(clock).policy(policy).listener(events).hooks(influencerHooks())
                    .callbackUrl(config.publicUrl()).build();
        }
        return engine;
    }

    /** Starts running job steps in this process and resumes everything a previous process left unfinished. */
    public synchronized void startWorkers() {
        if (workersStarted) return;
        engine();
        if (config.sandbox()) SandboxRecovery.adoptUnfinished(jobs(), providers());
        scheduler.start();
        toClose.push(scheduler::stop);
        engine.resumeAll();
        workersStarted = true;
    }

    public CreateJob createJob() {
        return new CreateJob(jobs(), engine(), clock, providers(), events);
    }

    public ManageJobs manageJobs() {
        return new ManageJobs(jobs(), engine(), providers(), clock, events);
    }

    public AwaitJob awaitJob() {
        return new AwaitJob(jobs(), clock, Sleeper.system());
    }

    public TemplateBatch templateBatch() {
        return new TemplateBatch(providers(), createJob());
    }

    public VideoBatch videoBatch() {
        return new VideoBatch(createJob());
    }

    public CreateInfluencer createInfluencer() {
        return new CreateInfluencer(createJob());
    }

    public InfluencerStatus influencerStatus() {
        return new InfluencerStatus(jobs());
    }

    public InfluencerReport influencerReport() {
        return new InfluencerReport(jobs(), assets(), clock);
    }

    public InfluencerPlan influencerPlan() {
        return new InfluencerPlan(avatar());
    }

    public RetryFailedStills retryFailedStills() {
        return new RetryFailedStills(jobs(), manageJobs());
    }

    /** An identity creates its stills before it succeeds; the last still writes the manifest and contact sheet. */
    private JobHooks influencerHooks() {
        return new InfluencerHooks(jobs(), this::createJob, influencerReport());
    }

    public HandleProviderEvent webhooks() {
        return new HandleProviderEvent(providers(), jobs(), engine(), clock);
    }

    /** {@code AVATARKIT_PUBLIC_URL}/webhooks/{@code provider}, where that provider's webhooks arrive; null = polling only. */
    public URI callbackUrl(String provider) {
        if (config.publicUrl() == null) return null;
        String base = config.publicUrl().toString().replaceAll("/+$", "");
        return URI.create(base + "/webhooks/" + provider);
    }

    private <T extends AutoCloseable> T closing(T resource) {
        toClose.push(resource);
        return resource;
    }

    /** Stops workers (running steps finish or are revived later), then closes everything, newest first. */
    @Override
    public synchronized void close() {
        while (!toClose.isEmpty()) {
            try {
                toClose.pop().close();
            } catch (Exception e) {
                LOG.log(Level.WARNING, "closing " + e.getMessage(), e);
            }
        }
    }
}
