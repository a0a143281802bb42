package dev.avatarkit.cli;

import com.google.inject.AbstractModule;
import com.google.inject.Provides;
import com.google.inject.Singleton;
import dev.avatarkit.cli.app.GlobalOptions;
import dev.avatarkit.cli.app.Io;
import dev.avatarkit.cli.app.Logging;
import dev.avatarkit.runtime.AvatarkitConfig;
import dev.avatarkit.runtime.ConfigLoader;
import dev.avatarkit.runtime.ConfigReport;
import java.nio.file.Path;
import java.util.Map;

/**
 * The CLI's own bindings: the outside world, the parsed global flags, and the configuration they select. The
 * configuration is a provider, not an instance: it is read when a command first needs it, after picocli has parsed
 * the flags, so {@code --help}, {@code --version} or a typo never read a config file nor open a database.
 */
public final class CliModule extends AbstractModule {
    private final Io io;

    public CliModule(Io io) {
        this.io = io;
    }

    @Override
    protected void configure() {
        bind(Io.class).toInstance(io);
    }

    @Provides
    @Singleton
    GlobalOptions globalOptions() {
        return new GlobalOptions();
    }

    /** The configuration and where each value came from (flag, env, file, default); loaded once per run. */
    @Provides
    @Singleton
    ConfigReport configReport(GlobalOptions global) {
        Map<String, String> flags = global.configFlags();
        Path file = global.configFile() == null ? null : io.workingDir().resolve(global.configFile());
        // a sandbox run gets its own job database from the loader, apart from real work
        ConfigReport report = ConfigLoader.loadWithSources(flags, io.env(), file);
        report.config().secretValues().forEach(Logging::redact);
        return report;
    }

    @Provides
    @Singleton
    AvatarkitConfig config(ConfigReport report) {
        return report.config();
    }
}
