package dev.avatarkit.embed;

import dev.avatarkit.core.domain.Job;
import dev.avatarkit.core.domain.JobSpec;
import dev.avatarkit.core.domain.Require;
import dev.avatarkit.core.engine.InProcessStepScheduler;
import dev.avatarkit.core.engine.JobEngine;
import dev.avatarkit.core.engine.JobListener;
import dev.avatarkit.core.port.AssetStore;
import dev.avatarkit.core.port.JobStore;
import dev.avatarkit.core.port.Sleeper;
import dev.avatarkit.core.spi.InstalledProviders;
import dev.avatarkit.core.spi.ProviderContext;
import dev.avatarkit.core.spi.ProviderPlugins;
import dev.avatarkit.core.usecase.AwaitJob;
import dev.avatarkit.core.usecase.CreateJob;
import dev.avatarkit.storage.jdbc.DatabaseConfig;
import dev.avatarkit.storage.jdbc.JdbcJobStore;
import dev.avatarkit.storage.jdbc.JobDatabase;
import dev.avatarkit.storage.local.LocalAssetStore;
import dev.avatarkit.storage.local.LocalStoreConfig;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Duration;
import java.util.ArrayDeque;
import java.util.Deque;
import java.util.HashMap;
import java.util.Map;
import java.util.Optional;

/**
 * avatarkit for embedders: render a video, wait for it and find its files stored with their sha256, in a few lines.
 * Jobs live in SQLite and files on local disk under one directory unless you bring your own stores; the provider is
 * whichever plugin on the classpath you name (add {@code adapter-heygen} for HeyGen, {@code adapter-did} for D-ID).
 * Unfinished jobs of an earlier run resume on {@link Builder#build()}; no paid render is ever submitted twice.
 *
 * <pre>{@code
 * try (Avatarkit avatarkit = Avatarkit.builder().setting("HEYGEN_API_KEY", key).build()) {
 *     Job job = avatarkit.renderAndWait(VideoSpec.singleAvatar(avatar, voice, "Hello"), Duration.ofMinutes(10));
 * }
 * }</pre>
 */
public final class Avatarkit implements AutoCloseable {
    private final JobStore jobs;
    private final AssetStore assets;
    private final CreateJob create;
    private final AwaitJob await;
    private final Deque<AutoCloseable> toClose;

    private Avatarkit(
            JobStore jobs, AssetStore assets, CreateJob create, AwaitJob await, Deque<AutoCloseable> toClose) {
        this.jobs = jobs;
        this.assets = assets;
        this.create = create;
        this.await = await;
        this.toClose = toClose;
    }

    public static Builder builder() {
        return new Builder();
    }

    /** Stores the job and starts it; returns at once. The same {@code spec} twice is two jobs (keys: see {@link #jobs()}). */
    public Job render(JobSpec spec) {
        return create.create(CreateJob.Command.of(spec)).job();
    }

    /** Waits until {@code job} is finished (stored, failed, rejected…) or {@code timeout} passes; returns it as it is then. */
    public Job await(Job job, Duration timeout) throws InterruptedException {
        return await.await(job.id(), timeout, changed -> {});
    }

    /** {@link #render} then {@link #await}: the finished job, its files in {@link Job#assets()} with size and sha256. */
    public Job renderAndWait(JobSpec spec, Duration timeout) throws InterruptedException {
        return await(render(spec), timeout);
    }

    /** The lower-level path: core's use cases over the same stores (batches, cancel, retry…). */
    public CreateJob createJob() {
        return create;
    }

    public JobStore jobs() {
        return jobs;
    }

    public AssetStore assets() {
        return assets;
    }

    /** Stops running steps (an unfinished job resumes on the next build) and closes the stores and providers. */
    @Override
    public void close() {
        while (!toClose.isEmpty()) {
            try {
                toClose.pop().close();
            } catch (Exception e) {
                // closing is best effort: the next build resumes whatever was left
            }
        }
    }

    /** Sensible defaults; every part replaceable. */
    public static final class Builder {
        private Path home = Path.of("avatarkit-data");
        private String provider;
        private final Map<String, String> settings = new HashMap<>();
        private JobStore jobs;
        private AssetStore assets;
        private int threads = 4;
        private Clock clock = Clock.systemUTC();

        private Builder() {}

        /** Where the SQLite job database ({@code avatarkit.db}) and the files ({@code assets/}) go. Default {@code ./avatarkit-data}. */
        public Builder home(Path value) {
            this.home = Require.nonNull(value, "home");
            return this;
        }

        /** The provider new jobs go to: {@code heygen}, {@code d-id}… Default: HeyGen if installed, else the only one installed. */
        public Builder provider(String value) {
            this.provider = value;
            return this;
        }

        /** A provider setting, named as its environment variable ({@code HEYGEN_API_KEY}, {@code DID_BASE_URL}…). */
        public Builder setting(String name, String value) {
            if (value != null) settings.put(name, value);
            return this;
        }

        public Builder settings(Map<String, String> values) {
            values.forEach(this::setting);
            return this;
        }

        /** Your own job store instead of SQLite under {@link #home}. */
        public Builder jobStore(JobStore value) {
            this.jobs = value;
            return this;
        }

        /** Your own asset store instead of the local disk under {@link #home}. */
        public Builder assetStore(AssetStore value) {
            this.assets = value;
            return this;
        }

        /** Threads running job steps (default 4). */
        public Builder threads(int value) {
            this.threads = Require.between(value, 1, 64, "threads");
            return this;
        }

        public Builder clock(Clock value) {
            this.clock = Require.nonNull(value, "clock");
            return this;
        }

        /** Opens the stores, finds the providers and resumes unfinished jobs of an earlier run. */
        public Avatarkit build() {
            Deque<AutoCloseable> toClose = new ArrayDeque<>();
            try {
                ProviderPlugins plugins = ProviderPlugins.installed();
                JobStore jobStore = jobs != null ? jobs : sqlite(toClose);
                AssetStore assetStore = assets != null
                        ? assets
                        : new LocalAssetStore(
                                new LocalStoreConfig(home.resolve("assets").toAbsolutePath()), clock);
                InstalledProviders providers = new InstalledProviders(
                        plugins,
                        name -> Optional.ofNullable(settings.get(name)),
                        provider != null ? provider : defaultProvider(plugins),
                        new ProviderContext(clock, Sleeper.system(), null),
                        null);
                toClose.push(providers);
                InProcessStepScheduler scheduler = new InProcessStepScheduler(threads, clock);
                JobEngine engine = JobEngine.builder()
                        .jobs(jobStore)
                        .assets(assetStore)
                        .providers(providers)
                        .scheduler(scheduler)
                        .clock(clock)
                        .build();
                scheduler.start(engine::advance);
                toClose.push(scheduler);
                engine.resumeAll();
                return new Avatarkit(
                        jobStore,
                        assetStore,
                        new CreateJob(jobStore, engine, clock, providers, JobListener.NONE),
                        new AwaitJob(jobStore, clock, Sleeper.system()),
                        toClose);
            } catch (RuntimeException e) {
                new Avatarkit(null, null, null, null, toClose).close();
                throw e;
            }
        }

        private JobStore sqlite(Deque<AutoCloseable> toClose) {
            try {
                Files.createDirectories(home);
            } catch (IOException e) {
                throw new UncheckedIOException("cannot create " + home, e);
            }
            JobDatabase database = JobDatabase.open(DatabaseConfig.sqlite(home.toAbsolutePath()));
            toClose.push(database);
            return new JdbcJobStore(database);
        }

        private static String defaultProvider(ProviderPlugins plugins) {
            if (plugins.names().contains("heygen") || plugins.names().size() != 1) return "heygen";
            return plugins.names().iterator().next();
        }
    }
}
