package dev.avatarkit.cli.app;

import com.google.inject.Inject;
import com.google.inject.Injector;
import com.google.inject.Singleton;
import dev.avatarkit.core.port.AssetStore;
import dev.avatarkit.core.port.JobStore;
import dev.avatarkit.core.port.VideoProvider;
import dev.avatarkit.runtime.AvatarkitConfig;
import dev.avatarkit.runtime.ConfigLoader;
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
    private AvatarkitConfig config;
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
        if (config == null) {
            Map<String, String> flags = global.configFlags();
            AvatarkitConfig loaded = ConfigLoader.load(flags, io.env(), resolvedConfigFile());
            if (loaded.sandbox() && loaded.dbUrl().equals(defaultDbUrl(loaded))) {
                // the sandbox's renders exist only in its simulator: keep them out of the real job database, so that
                // neither run resumes (and fails) the other's jobs
                flags.put("AVATARKIT_DB_URL", "jdbc:sqlite:" + loaded.home().resolve("sandbox.db"));
                loaded = ConfigLoader.load(flags, io.env(), resolvedConfigFile());
            }
            if (loaded.apiKey() != null) Logging.redact(loaded.apiKey().reveal());
            if (loaded.webhookSecret() != null) Logging.redact(loaded.webhookSecret().reveal());
            config = loaded;
        }
        return config;
    }

    private static String defaultDbUrl(AvatarkitConfig config) {
        return "jdbc:sqlite:" + config.home().resolve("avatarkit.db");
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
