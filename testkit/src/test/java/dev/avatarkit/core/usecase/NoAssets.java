package dev.avatarkit.core.usecase;

import dev.avatarkit.core.domain.AssetKey;
import dev.avatarkit.core.port.AssetStore;
import dev.avatarkit.core.port.Page;
import dev.avatarkit.core.port.PutOptions;
import dev.avatarkit.core.port.StoredObject;
import java.io.InputStream;
import java.util.List;
import java.util.Optional;

/** A store for tests that never download: any use is a test bug. */
final class NoAssets implements AssetStore {
    @Override
    public StoredObject put(AssetKey key, InputStream content, PutOptions options) {
        throw new AssertionError("no downloads here");
    }

    @Override
    public InputStream open(AssetKey key, long offset) {
        throw new AssertionError("no downloads here");
    }

    @Override
    public Optional<StoredObject> stat(AssetKey key) {
        return Optional.empty();
    }

    @Override
    public Page<StoredObject> list(String prefix, String afterKey, int limit) {
        return new Page<>(List.of(), null);
    }

    @Override
    public boolean delete(AssetKey key) {
        return false;
    }
}
