package dev.avatarkit.runtime;

import dev.avatarkit.core.engine.EnginePolicy;
import dev.avatarkit.core.engine.JobEngine;
import dev.avatarkit.core.engine.JobHooks;
import dev.avatarkit.core.influencer.CreateInfluencer;
import dev.avatarkit.core.influencer.InfluencerHooks;
import dev.avatarkit.core.influencer.InfluencerPlan;
import dev.avatarkit.core.influencer.InfluencerReport;
import dev.avatarkit.runtime.influencer.MoshiAwtInfluencerFiles;
import dev.avatarkit.core.influencer.InfluencerStatus;
import dev.avatarkit.core.influencer.RetryFailedStills;
import dev.avatarkit.core.port.AssetStore;
import dev.avatarkit.core.port.AvatarProvider;
import dev.avatarkit.core.port.JobStore;
import dev.avatarkit.core.port.ProviderEvents;
import dev.avatarkit.core.port.Sleeper;
import dev.avatarkit.core.port.VideoProvider;
import dev.avatarkit.core.usecase.AwaitJob;
import dev.avatarkit.core.usecase.CreateJob;
import dev.avatarkit.core.usecase.HandleProviderEvent;
import dev.avatarkit.core.usecase.ManageJobs;
import dev.avatarkit.core.usecase.TemplateBatch;
import dev.avatarkit.core.usecase.VideoBatch;
import dev.avatarkit.heygen.HeyGen;
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
    private Sandbox sandbox;
    private JobDatabase database;
    private JobStore jobs;
    private AssetStore assets;
    private HeyGen heygen;
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

    public synchronized Optional<Sandbox> sandbox() {
        if (config.sandbox() && sandbox == null) sandbox = closing(Sandbox.start(options.sandboxRenderTime()));
        return Optional.ofNullable(sandbox);
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

    public synchronized HeyGen heygen() {
        if (heygen == null) heygen = closing(HeyGen.create(Wiring.heygen(config, sandbox()), clock, Sleeper.system(), providerCalls));
        return heygen;
    }

    public VideoProvider video() {
        return heygen().videos();
    }

    public AvatarProvider avatar() {
        return heygen().avatars();
    }

    public ProviderEvents providerEvents() {
        return heygen().events();
    }

    public synchronized JobEngine engine() {
        if (engine == null) {
            EnginePolicy policy = options.policy() != null ? options.policy()
                    : EnginePolicy.defaults(heygen().config().maxConcurrency());
            scheduler = new DbSchedulerStepScheduler(database(), Wiring.schedulerSettings(database(), options),
                    id -> engine.advance(id));
            engine = JobEngine.builder().jobs(jobs()).assets(assets()).videoProvider(video()).avatarProvider(avatar())
                    .scheduler(scheduler).clock(clock).policy(policy).listener(events).hooks(influencerHooks())
                    .callbackUrl(callbackUrl()).build();
        }
        return engine;
    }

    /** Starts running job steps in this process and resumes everything a previous process left unfinished. */
    public synchronized void startWorkers() {
        if (workersStarted) return;
        engine();
        sandbox().ifPresent(s -> SandboxRecovery.adoptUnfinished(jobs(), s, config.apiVersion().equals("v2")));
        scheduler.start();
        toClose.push(scheduler::stop);
        engine.resumeAll();
        workersStarted = true;
    }

    public CreateJob createJob() {
        return new CreateJob(jobs(), engine(), clock, video().name(), video().capabilities().maxScriptChars(), events);
    }

    public ManageJobs manageJobs() {
        return new ManageJobs(jobs(), engine(), video(), clock, events);
    }

    public AwaitJob awaitJob() {
        return new AwaitJob(jobs(), clock, Sleeper.system());
    }

    public TemplateBatch templateBatch() {
        return new TemplateBatch(video(), createJob());
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
        return new InfluencerReport(jobs(), assets(), clock, new MoshiAwtInfluencerFiles());
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
        return new HandleProviderEvent(providerEvents(), jobs(), engine(), clock);
    }

    /** {@code AVATARKIT_PUBLIC_URL}/webhooks/heygen, so webhooks drive jobs; null = polling only. */
    public URI callbackUrl() {
        if (config.publicUrl() == null) return null;
        String base = config.publicUrl().toString().replaceAll("/+$", "");
        return URI.create(base + "/webhooks/heygen");
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
