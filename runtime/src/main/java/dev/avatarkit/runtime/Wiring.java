package dev.avatarkit.runtime;

import dev.avatarkit.storage.jdbc.DatabaseConfig;
import dev.avatarkit.storage.jdbc.JobDatabase;
import dev.avatarkit.storage.scheduling.DbSchedulerStepScheduler;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;

/** The one place each configuration value becomes an adapter's config: SQLite vs PostgreSQL, scheduler timing. */
final class Wiring {
    static final java.time.Duration HEARTBEAT = java.time.Duration.ofSeconds(5);

    private Wiring() {}

    static DatabaseConfig database(AvatarkitConfig config) {
        if (config.dbUrl().startsWith("jdbc:sqlite:")) {
            try {
                Files.createDirectories(config.home());
            } catch (IOException e) {
                throw new UncheckedIOException("cannot create AVATARKIT_HOME " + config.home(), e);
            }
        }
        return DatabaseConfig.of(config.dbUrl(), null, null);
    }

    static DbSchedulerStepScheduler.Settings schedulerSettings(JobDatabase database, PlatformOptions options) {
        DbSchedulerStepScheduler.Settings settings = DbSchedulerStepScheduler.Settings.defaults(database.dialect())
                .withPollingInterval(options.schedulerPolling())
                // db-scheduler declares a step dead after 6 missed heartbeats: 5 s makes a killed worker's steps
                // come back in ~30 s instead of 3 minutes
                .withHeartbeatInterval(HEARTBEAT);
        return options.workerName() == null ? settings : settings.withName(options.workerName());
    }
}
