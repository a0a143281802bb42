package dev.avatarkit.core.engine;

import dev.avatarkit.core.domain.Require;
import dev.avatarkit.core.port.AssetStore;
import dev.avatarkit.core.port.AvatarProvider;
import dev.avatarkit.core.port.JobStore;
import dev.avatarkit.core.port.StepScheduler;
import dev.avatarkit.core.port.VideoProvider;
import dev.avatarkit.core.retry.Backoff;
import dev.avatarkit.core.spi.ProviderDirectory;
import dev.avatarkit.core.spi.SingleProvider;
import java.net.URI;
import java.time.Clock;
import java.time.Duration;
import java.util.Random;
import java.util.random.RandomGenerator;

/** Wires a {@link JobEngine} from its ports. Jobs store, asset store, scheduler and clock are required. */
public final class JobEngineBuilder {
    private JobStore jobs;
    private AssetStore assets;
    private VideoProvider video;
    private AvatarProvider avatar;
    private ProviderDirectory providers;
    private StepScheduler scheduler;
    private Clock clock = Clock.systemUTC();
    private EnginePolicy policy = EnginePolicy.defaults(3);
    private JobListener listener = JobListener.NONE;
    private JobHooks hooks = JobHooks.NONE;
    private URI callbackUrl;
    private RandomGenerator random = new Random();
    private Duration statusBatchWindow = Duration.ofMillis(20);

    public JobEngineBuilder jobs(JobStore value) {
        this.jobs = value;
        return this;
    }

    public JobEngineBuilder assets(AssetStore value) {
        this.assets = value;
        return this;
    }

    public JobEngineBuilder videoProvider(VideoProvider value) {
        this.video = value;
        return this;
    }

    public JobEngineBuilder avatarProvider(AvatarProvider value) {
        this.avatar = value;
        return this;
    }
    /** The providers jobs are routed to by their stored route; instead of {@link #videoProvider}/{@link #avatarProvider}. */
    public JobEngineBuilder providers(ProviderDirectory value) {
        this.providers = value;
        return this;
    }

    public JobEngineBuilder scheduler(StepScheduler value) {
        this.scheduler = value;
        return this;
    }

    public JobEngineBuilder clock(Clock value) {
        this.clock = value;
        return this;
    }

    public JobEngineBuilder policy(EnginePolicy value) {
        this.policy = value;
        return this;
    }

    public JobEngineBuilder listener(JobListener value) {
        this.listener = value;
        return this;
    }

    public JobEngineBuilder hooks(JobHooks value) {
        this.hooks = value;
        return this;
    }
    /**
     * The public base URL (from {@code AVATARKIT_PUBLIC_URL}) under which {@code /webhooks/<provider>} receives the
     * providers' webhooks; null = poll only.
     */
    public JobEngineBuilder callbackUrl(URI value) {
        this.callbackUrl = value;
        return this;
    }
    /** Jitter source; tests pass a seeded one. */
    public JobEngineBuilder random(RandomGenerator value) {
        this.random = value;
        return this;
    }
    /**
     * How long a status read waits for others due at the same instant, so they share one bulk request (default
     * 20 ms); tests driven by a manual scheduler, where nothing runs concurrently, pass zero.
     */
    public JobEngineBuilder statusBatchWindow(Duration value) {
        this.statusBatchWindow = value;
        return this;
    }

    public JobEngine build() {
        Require.nonNull(jobs, "jobs");
        Require.nonNull(assets, "assets");
        Require.nonNull(scheduler, "scheduler");
        Require.nonNull(clock, "clock");
        Require.that(
                providers != null || video != null || avatar != null,
                "provider",
                "give the providers, or a video or an avatar provider");
        ProviderDirectory directory = providers != null ? providers : new SingleProvider(video, avatar);
        Renderers renderers = new Renderers(directory, callbackUrl, statusBatchWindow);
        JobWrites writes = new JobWrites(jobs, listener, hooks, clock);
        Backoff backoff = new Backoff(random);
        ConcurrencyGate gate = new ConcurrencyGate(jobs, renderers, policy.maxConcurrency());
        RenderTimes renderTimes = new RenderTimes(policy, gate::anyParked);
        DownloadStep download = new DownloadStep(writes, renderers, assets, policy, backoff);
        SlotHandOff handOff = new SlotHandOff(gate, scheduler, clock);
        PollStep poll = new PollStep(writes, renderers, download, policy, renderTimes, handOff);
        SubmitStep submit = new SubmitStep(
                jobs,
                writes,
                renderers,
                gate,
                new CreditBreaker(policy.creditBreakerOpenFor()),
                policy,
                renderTimes,
                poll);
        return new JobEngine(jobs, clock, submit, poll, download, handOff, scheduler, renderTimes);
    }
}
