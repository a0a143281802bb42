package dev.avatarkit.storage.s3;

import dev.avatarkit.core.port.AssetStore;
import dev.avatarkit.testkit.store.AssetStoreContract;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.AfterEach;

/** The shared AssetStore contract against a real S3-compatible server (embedded S3Proxy). */
class S3AssetStoreIT extends AssetStoreContract {
    private final List<S3AssetStore> opened = new ArrayList<>();

    @Override
    protected AssetStore newStore() {
        S3AssetStore store = new S3AssetStore(S3ProxyServer.get().freshConfig());
        opened.add(store);
        return store;
    }

    @AfterEach
    void close() {
        opened.forEach(S3AssetStore::close);
    }
}
