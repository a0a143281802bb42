package dev.avatarkit.storage.local;

import dev.avatarkit.core.port.AssetStore;
import dev.avatarkit.testkit.store.AssetStoreContract;
import dev.avatarkit.testkit.store.InMemoryAssetStore;

/** The testkit fake passes the same contract (lives here because testkit has no test tree of its own yet). */
class InMemoryAssetStoreTest extends AssetStoreContract {
    @Override
    protected AssetStore newStore() {
        return new InMemoryAssetStore();
    }
}
