package dev.avatarkit.runtime;

import com.google.inject.AbstractModule;
import com.google.inject.Provides;
import com.google.inject.Singleton;
import dev.avatarkit.core.port.Sleeper;
import java.time.Clock;

/**
 * The configuration and what every part shares: time, the job-change feed, provider-call metrics, the lifecycle.
 * A null config and options are left for the application to bind (see {@link PlatformModule#forBoundConfig()}).
 */
public final class ConfigModule extends AbstractModule {
    private final AvatarkitConfig config;
    private final PlatformOptions options;

    public ConfigModule(AvatarkitConfig config, PlatformOptions options) {
        this.config = config;
        this.options = options;
    }

    @Override
    protected void configure() {
        if (config != null) bind(AvatarkitConfig.class).toInstance(config);
        if (options != null) bind(PlatformOptions.class).toInstance(options);
        bind(Clock.class).toInstance(Clock.systemUTC());
        bind(Sleeper.class).toInstance(Sleeper.system());
    }

    @Provides
    @Singleton
    Lifecycle lifecycle() {
        return new Lifecycle();
    }

    @Provides
    @Singleton
    JobEvents jobEvents() {
        return new JobEvents();
    }

    @Provides
    @Singleton
    ProviderCalls providerCalls() {
        return new ProviderCalls();
    }
}
