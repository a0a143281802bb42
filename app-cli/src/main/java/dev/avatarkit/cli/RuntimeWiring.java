package dev.avatarkit.cli;

import com.google.inject.Injector;
import com.google.inject.Module;
import dev.avatarkit.runtime.AvatarkitConfig;
import dev.avatarkit.runtime.Platform;
import dev.avatarkit.runtime.PlatformModule;
import dev.avatarkit.runtime.PlatformOptions;

/** The production platform: the runtime's {@link PlatformModule} (lazy; the sandbox simulator starts on first use). */
public final class RuntimeWiring implements PlatformWiring {
    private final PlatformOptions options;

    public RuntimeWiring() {
        this(PlatformOptions.defaults());
    }

    public RuntimeWiring(PlatformOptions options) {
        this.options = options;
    }

    @Override
    public Module module(AvatarkitConfig config) {
        return new PlatformModule(config, options);
    }

    @Override
    public void startWorkers(Injector platform) {
        platform.getInstance(Platform.class).startWorkers();
    }

    @Override
    public void close(Injector platform) {
        platform.getInstance(Platform.class).close();
    }
}
