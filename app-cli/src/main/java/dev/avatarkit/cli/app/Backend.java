package dev.avatarkit.cli.app;

import com.google.inject.Inject;
import com.google.inject.Injector;
import com.google.inject.Singleton;
import dev.avatarkit.core.port.AssetStore;
import dev.avatarkit.core.port.JobStore;
import dev.avatarkit.core.port.VideoProvider;
import dev.avatarkit.runtime.AvatarkitConfig;
import dev.avatarkit.runtime.ConfigLoader;
import dev.avatarkit.runtime.ConfigReport;
import java.util.Map;

/**
 * The commands' door to the platform. Nothing is built until a command asks: the configuration is loaded after the
 * global flags are parsed, and the platform's injector (a child of the CLI's) is created on the first lookup;
 * the platform's own bindings are lazy, so {@code jobs list} opens the job database and nothing else.
 */
@Singleton
public final class Backend implements AutoCloseable {
    private final Injector root;
    private final GlobalOptions global;
    private final Io io;
    private final PlatformWiring wiring;
    private ConfigReport report;
    private Injector platform;
    private boolean workersStarted;

    @Inject
    Backend(Injector root, GlobalOptions global, Io io, PlatformWiring wiring) {
        this.root = root;
        this.global = global;
        this.io = io;
        this.wiring = wiring;
    }

    public synchronized AvatarkitConfig config() {
        return configReport().config();
    }

    /** The configuration and where each value came from (flag, env, file, default); loaded once per run. */
    public synchronized ConfigReport configReport() {
        if (report == null) {
            Map<String, String> flags = global.configFlags();
            // a sandbox run gets its own job database from the loader, apart from real work
            ConfigReport loaded = ConfigLoader.loadWithSources(flags, io.env(), resolvedConfigFile());
            AvatarkitConfig config = loaded.config();
            config.secretValues().forEach(Logging::redact);
            report = loaded;
        }
        return report;
    }

    /** Any platform service (use cases, ports). */
    public synchronized <T> T get(Class<T> type) {
        if (platform == null) platform = root.createChildInjector(wiring.module(config()));
        return platform.getInstance(type);
    }

    public JobStore jobs() {
        return get(JobStore.class);
    }

    public AssetStore assets() {
        return get(AssetStore.class);
    }

    public VideoProvider provider() {
        return get(VideoProvider.class);
    }

    /** Resumes unfinished jobs and runs the engine in this process until {@link #close()}. Idempotent. */
    public synchronized void startWorkers() {
        get(JobStore.class);
        if (!workersStarted) {
            wiring.startWorkers(platform);
            workersStarted = true;
        }
    }

    @Override
    public synchronized void close() {
        if (platform != null) wiring.close(platform);
        platform = null;
    }

    private java.nio.file.Path resolvedConfigFile() {
        return global.configFile() == null ? null : io.workingDir().resolve(global.configFile());
    }
}
