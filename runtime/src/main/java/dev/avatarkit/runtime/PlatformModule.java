package dev.avatarkit.runtime;

import com.google.inject.AbstractModule;
import com.google.inject.Injector;
import com.google.inject.Provides;
import com.google.inject.Singleton;

/**
 * avatarkit assembled from configuration: one module per concern — configuration, the job database and scheduler,
 * the asset store {@code AVATARKIT_STORAGE} names, the installed providers, the engine and use cases. Every binding is
 * lazy, so a command builds only what it uses ({@code jobs list} opens the database and nothing else); nothing starts
 * at binding time ({@link Workers} start, {@link Lifecycle} stops). Nothing here depends on the configuration's
 * values until something is provisioned, so an app may bind {@link AvatarkitConfig} itself ({@link #forBoundConfig()}).
 */
public final class PlatformModule extends AbstractModule {
    private final AvatarkitConfig config;
    private final PlatformOptions options;

    /** The platform for {@code config}, bound here with {@code options}. */
    public PlatformModule(AvatarkitConfig config, PlatformOptions options) {
        this.config = config;
        this.options = options;
    }

    public PlatformModule(AvatarkitConfig config) {
        this(config, PlatformOptions.defaults());
    }

    /**
     * The platform for an {@link AvatarkitConfig} and {@link PlatformOptions} the application binds (e.g. with
     * {@code @Provides} methods that load them when first needed, after the command line is parsed): creating the
     * injector then reads no file and opens nothing.
     */
    public static PlatformModule forBoundConfig() {
        return new PlatformModule(null, null);
    }

    @Override
    protected void configure() {
        install(new ConfigModule(config, options));
        install(new JobDatabaseModule());
        install(new StorageModules.ConfiguredStorageModule());
        install(new ProvidersModule());
        install(new EngineModule());
    }

    @Provides
    @Singleton
    Platform platform(Injector injector) {
        return new Platform(injector);
    }
}
