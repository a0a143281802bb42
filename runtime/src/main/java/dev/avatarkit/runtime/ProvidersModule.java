package dev.avatarkit.runtime;

import dev.avatarkit.core.spi.ProviderPlugins;
import dev.avatarkit.core.spi.InstalledProviders;

import com.google.inject.AbstractModule;
import com.google.inject.Provides;
import com.google.inject.Singleton;
import dev.avatarkit.core.port.Sleeper;
import dev.avatarkit.core.spi.ProviderContext;
import dev.avatarkit.core.spi.ProviderDirectory;
import java.time.Clock;

/**
 * The providers installed on the classpath (plugins, found with ServiceLoader), opened per job route on first use;
 * in sandbox mode each is pointed at its simulator.
 */
public final class ProvidersModule extends AbstractModule {
    @Provides @Singleton InstalledProviders providers(AvatarkitConfig config, PlatformOptions options, Clock clock,
                                                      Sleeper sleeper, ProviderCalls calls, Lifecycle lifecycle) {
        return lifecycle.closing(new InstalledProviders(ProviderPlugins.installed(), config.providerSettings(),
                config.provider(), new ProviderContext(clock, sleeper, calls),
                config.sandbox() ? options.sandboxRenderTime() : null));
    }

    @Provides ProviderDirectory directory(InstalledProviders providers) {
        return providers;
    }
}
