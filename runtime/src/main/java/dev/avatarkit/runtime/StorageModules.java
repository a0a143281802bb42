package dev.avatarkit.runtime;

import com.google.inject.AbstractModule;
import com.google.inject.Provides;
import com.google.inject.Singleton;
import dev.avatarkit.core.port.AssetStore;
import dev.avatarkit.storage.local.LocalAssetStore;
import dev.avatarkit.storage.local.LocalStoreConfig;
import dev.avatarkit.storage.s3.S3AssetStore;
import dev.avatarkit.storage.s3.S3StoreConfig;
import java.time.Clock;

/** The asset stores; {@link PlatformModule} installs the one that opens what {@code AVATARKIT_STORAGE} names. */
public final class StorageModules {
    private StorageModules() {}

    /**
     * The store {@code AVATARKIT_STORAGE} names, chosen when the store is first needed: the configuration may be
     * bound lazily (the CLI loads it after parsing its flags), so it cannot be read when the module is configured.
     */
    public static final class ConfiguredStorageModule extends AbstractModule {
        @Provides
        @Singleton
        AssetStore assets(AvatarkitConfig config, Clock clock) {
            return config.storage().equals("s3") ? s3(config) : local(config, clock);
        }
    }

    /** Assets on local disk under {@code AVATARKIT_STORAGE_DIR}. */
    static AssetStore local(AvatarkitConfig config, Clock clock) {
        return new LocalAssetStore(new LocalStoreConfig(config.storageDir().toAbsolutePath()), clock);
    }

    /** Assets in an S3 bucket (or an S3-compatible store at {@code AVATARKIT_S3_ENDPOINT}). */
    static AssetStore s3(AvatarkitConfig config) {
        S3StoreConfig s3 = S3StoreConfig.forBucket(config.s3Bucket())
                .withPrefix(config.s3Prefix())
                .withRegion(config.awsRegion());
        if (config.s3Endpoint() != null) {
            // S3-compatible stores often reject the SDK's default trailing checksums
            s3 = s3.withEndpoint(config.s3Endpoint(), config.s3PathStyle(), S3StoreConfig.ChecksumMode.WHEN_REQUIRED);
        }
        return new S3AssetStore(s3);
    }
}
