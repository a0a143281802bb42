package dev.avatarkit.runtime;

import com.google.inject.AbstractModule;
import com.google.inject.Provides;
import com.google.inject.Singleton;
import dev.avatarkit.core.domain.UnsupportedCapabilityException;
import dev.avatarkit.core.port.AvatarProvider;
import dev.avatarkit.core.port.Sleeper;
import dev.avatarkit.core.port.VideoProvider;
import dev.avatarkit.core.spi.InstalledProviders;
import dev.avatarkit.core.spi.Provider;
import dev.avatarkit.core.spi.ProviderContext;
import dev.avatarkit.core.spi.ProviderDirectory;
import dev.avatarkit.core.spi.ProviderPlugins;
import java.time.Clock;

/**
 * The providers installed on the classpath (plugins, found with ServiceLoader), opened per job route on first use;
 * in sandbox mode each is pointed at its simulator.
 */
public final class ProvidersModule extends AbstractModule {
    @Provides
    @Singleton
    InstalledProviders providers(
            AvatarkitConfig config,
            PlatformOptions options,
            Clock clock,
            Sleeper sleeper,
            ProviderCalls calls,
            Lifecycle lifecycle) {
        return lifecycle.closing(new InstalledProviders(
                ProviderPlugins.installed(),
                config.providerSettings(),
                config.provider(),
                new ProviderContext(clock, sleeper, calls),
                config.sandbox() ? options.sandboxRenderTime() : null));
    }

    @Provides
    ProviderDirectory directory(InstalledProviders providers) {
        return providers;
    }

    /** The default provider's videos (catalogue commands, doctor); opened on first use. */
    @Provides
    VideoProvider video(InstalledProviders providers) {
        Provider provider = providers.open(providers.defaultRoute());
        return provider.videos().orElseThrow(() -> new UnsupportedCapabilityException(provider.name(), "videos"));
    }

    /** The default provider's identities and stills. */
    @Provides
    AvatarProvider avatar(InstalledProviders providers) {
        Provider provider = providers.open(providers.defaultRoute());
        return provider.avatars()
                .orElseThrow(() -> new UnsupportedCapabilityException(provider.name(), "identities and stills"));
    }
}
