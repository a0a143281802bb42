package dev.avatarkit.cli;

import com.google.inject.AbstractModule;
import com.google.inject.Provides;
import com.google.inject.Singleton;
import dev.avatarkit.cli.app.GlobalOptions;
import dev.avatarkit.cli.app.Io;
import dev.avatarkit.cli.app.PlatformWiring;

/** The CLI's own bindings: the outside world, the parsed global flags, and how to wire the platform. */
public final class CliModule extends AbstractModule {
    private final Io io;
    private final PlatformWiring wiring;

    public CliModule(Io io, PlatformWiring wiring) {
        this.io = io;
        this.wiring = wiring;
    }

    @Override
    protected void configure() {
        bind(Io.class).toInstance(io);
        bind(PlatformWiring.class).toInstance(wiring);
    }

    @Provides
    @Singleton
    GlobalOptions globalOptions() {
        return new GlobalOptions();
    }
}
