package dev.avatarkit.runtime;

import dev.avatarkit.core.port.AssetStore;
import dev.avatarkit.storage.jdbc.DatabaseConfig;
import dev.avatarkit.storage.jdbc.JobDatabase;
import dev.avatarkit.storage.local.LocalAssetStore;
import dev.avatarkit.storage.local.LocalStoreConfig;
import dev.avatarkit.storage.s3.S3AssetStore;
import dev.avatarkit.storage.s3.S3StoreConfig;
import dev.avatarkit.storage.scheduling.DbSchedulerStepScheduler;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.time.Clock;

/** The one place each configuration value becomes an adapter's config: local vs S3, SQLite vs PostgreSQL. */
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

    static AssetStore assetStore(AvatarkitConfig config, Clock clock) {
        if (config.storage().equals("s3")) {
            S3StoreConfig s3 = S3StoreConfig.forBucket(config.s3Bucket()).withPrefix(config.s3Prefix())
                    .withRegion(config.awsRegion());
            if (config.s3Endpoint() != null) {
                // S3-compatible stores often reject the SDK's default trailing checksums
                s3 = s3.withEndpoint(config.s3Endpoint(), config.s3PathStyle(), S3StoreConfig.ChecksumMode.WHEN_REQUIRED);
            }
            return new S3AssetStore(s3);
        }
        return new LocalAssetStore(new LocalStoreConfig(config.storageDir().toAbsolutePath()), clock);
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
