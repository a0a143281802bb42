package dev.avatarkit.storage.local;

import dev.avatarkit.core.domain.Require;
import java.nio.file.Path;

/** Where the local asset store keeps its files ({@code AVATARKIT_STORAGE_DIR}); made absolute and normalised. */
public record LocalStoreConfig(Path root) {
    public LocalStoreConfig {
        Require.nonNull(root, "root");
        root = root.toAbsolutePath().normalize();
    }
}
