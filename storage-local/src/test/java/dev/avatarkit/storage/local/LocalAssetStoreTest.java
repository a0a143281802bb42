package dev.avatarkit.storage.local;

import dev.avatarkit.core.port.AssetStore;
import dev.avatarkit.testkit.store.AssetStoreContract;
import java.nio.file.Path;
import org.junit.jupiter.api.io.TempDir;

class LocalAssetStoreTest extends AssetStoreContract {
    @TempDir
    Path root;

    @Override
    protected AssetStore newStore() {
        return new LocalAssetStore(new LocalStoreConfig(root.resolve("assets")));
    }
}
