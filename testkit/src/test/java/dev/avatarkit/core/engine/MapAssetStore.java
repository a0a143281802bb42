package dev.avatarkit.core.engine;

import dev.avatarkit.core.domain.AssetKey;
import dev.avatarkit.core.port.AssetStore;
import dev.avatarkit.core.port.Page;
import dev.avatarkit.core.port.PutOptions;
import dev.avatarkit.core.port.StorageException;
import dev.avatarkit.core.port.StoredObject;
import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.net.URI;
import java.security.MessageDigest;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HexFormat;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.TreeMap;

/** The smallest store the engine tests need: bytes in a map, sha256 computed on put. */
final class MapAssetStore implements AssetStore {
    final Map<AssetKey, byte[]> bytes = new TreeMap<>((a, b) -> a.value().compareTo(b.value()));
    int puts;

    @Override
    public synchronized StoredObject put(AssetKey key, InputStream content, PutOptions options) {
        try {
            byte[] data = content.readAllBytes();
            puts++;
            bytes.put(key, data);
            String sha = HexFormat.of()
                    .formatHex(MessageDigest.getInstance("SHA-256").digest(data));
            return new StoredObject(
                    key, URI.create("mem:/" + key), data.length, sha, options.contentType(), Instant.EPOCH);
        } catch (IOException e) {
            throw new StorageException(StorageException.Reason.SOURCE_FAILED, e.getMessage(), e);
        } catch (java.security.NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
    }

    @Override
    public synchronized InputStream open(AssetKey key, long offset) {
        byte[] data = bytes.get(key);
        if (data == null) throw new StorageException(StorageException.Reason.NOT_FOUND, "no " + key, null);
        return new ByteArrayInputStream(data, (int) offset, data.length - (int) offset);
    }

    @Override
    public synchronized Optional<StoredObject> stat(AssetKey key) {
        return Optional.ofNullable(bytes.get(key))
                .map(d -> new StoredObject(
                        key, URI.create("mem:/" + key), d.length, "0".repeat(64), "x/y", Instant.EPOCH));
    }

    @Override
    public synchronized Page<StoredObject> list(String prefix, String afterKey, int limit) {
        List<StoredObject> out = new ArrayList<>();
        for (AssetKey key : bytes.keySet())
            if (key.value().startsWith(prefix)) stat(key).ifPresent(out::add);
        return new Page<>(out, null);
    }

    @Override
    public synchronized boolean delete(AssetKey key) {
        return bytes.remove(key) != null;
    }
}
