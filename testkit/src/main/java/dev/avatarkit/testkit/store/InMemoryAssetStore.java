package dev.avatarkit.testkit.store;

import dev.avatarkit.core.domain.AssetKey;
import dev.avatarkit.core.domain.Require;
import dev.avatarkit.core.domain.ValidationException;
import dev.avatarkit.core.port.AssetStore;
import dev.avatarkit.core.port.Page;
import dev.avatarkit.core.port.PutOptions;
import dev.avatarkit.core.port.StorageException;
import dev.avatarkit.core.port.StoredObject;
import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.net.URI;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.time.Clock;
import java.util.ArrayList;
import java.util.HexFormat;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ConcurrentSkipListMap;

/** An {@link AssetStore} in memory, for unit tests; passes {@link AssetStoreContract}. Not for large objects. */
public final class InMemoryAssetStore implements AssetStore {
    private record Entry(byte[] bytes, StoredObject object) {}

    private final ConcurrentSkipListMap<String, Entry> objects = new ConcurrentSkipListMap<>();
    private final Clock clock;

    public InMemoryAssetStore() {
        this(Clock.systemUTC());
    }

    public InMemoryAssetStore(Clock clock) {
        this.clock = Require.nonNull(clock, "clock");
    }

    @Override
    public StoredObject put(AssetKey key, InputStream content, PutOptions options) {
        Require.nonNull(key, "key");
        Require.nonNull(content, "content");
        Require.nonNull(options, "options");
        ByteArrayOutputStream buffer = new ByteArrayOutputStream();
        MessageDigest sha = sha256();
        byte[] chunk = new byte[64 * 1024];
        try {
            for (int n; (n = content.read(chunk)) != -1; ) {
                sha.update(chunk, 0, n);
                buffer.write(chunk, 0, n);
            }
        } catch (IOException e) {
            // Nothing was stored yet, so a failing source leaves the old object (or nothing) visible.
            throw new StorageException(
                    StorageException.Reason.SOURCE_FAILED,
                    "reading the content for '" + key + "' failed: " + e.getMessage(),
                    e);
        }
        byte[] bytes = buffer.toByteArray();
        StoredObject object = new StoredObject(
                key,
                URI.create("memory:///" + key.value()),
                bytes.length,
                HexFormat.of().formatHex(sha.digest()),
                options.contentType(),
                clock.instant());
        objects.put(key.value(), new Entry(bytes, object));
        return object;
    }

    @Override
    public InputStream open(AssetKey key, long offset) {
        Require.nonNull(key, "key");
        Require.that(offset >= 0, "offset", "'offset' must be >= 0, was " + offset);
        Entry entry = objects.get(key.value());
        if (entry == null) {
            throw new StorageException(StorageException.Reason.NOT_FOUND, "no object '" + key + "' in the store", null);
        }
        if (offset > entry.bytes().length) {
            throw new ValidationException(
                    "offset",
                    "'offset' " + offset + " is past the end of '" + key + "' (" + entry.bytes().length + " bytes)");
        }
        return new ByteArrayInputStream(entry.bytes(), (int) offset, entry.bytes().length - (int) offset);
    }

    @Override
    public Optional<StoredObject> stat(AssetKey key) {
        Require.nonNull(key, "key");
        return Optional.ofNullable(objects.get(key.value())).map(Entry::object);
    }

    @Override
    public Page<StoredObject> list(String prefix, String afterKey, int limit) {
        checkPrefix(prefix);
        Require.between(limit, 1, 1000, "limit");
        // Start at whichever comes later, the prefix or the cursor; keys under a prefix are contiguous in order.
        Map<String, Entry> tail = afterKey == null || afterKey.compareTo(prefix) < 0
                ? objects.tailMap(prefix, true)
                : objects.tailMap(afterKey, false);
        List<StoredObject> items = new ArrayList<>();
        for (Map.Entry<String, Entry> e : tail.entrySet()) {
            if (!e.getKey().startsWith(prefix)) break;
            if (items.size() == limit)
                return new Page<>(items, items.get(limit - 1).key().value());
            items.add(e.getValue().object());
        }
        return new Page<>(items, null);
    }

    @Override
    public boolean delete(AssetKey key) {
        Require.nonNull(key, "key");
        return objects.remove(key.value()) != null;
    }

    /** A prefix is valid when some key could start with it; anything else ("../", "/etc") is refused. */
    static void checkPrefix(String prefix) {
        Require.nonNull(prefix, "prefix");
        if (prefix.isEmpty() || isKey(prefix) || isKey(prefix + "x")) return;
        throw new StorageException(
                StorageException.Reason.INVALID_KEY,
                "list prefix '" + prefix
                        + "' can never match a storage key: use segments of [A-Za-z0-9._-] separated by '/', no '..', no leading '/' or '.'",
                null);
    }

    private static boolean isKey(String value) {
        try {
            new AssetKey(value);
            return true;
        } catch (ValidationException e) {
            return false;
        }
    }

    private static MessageDigest sha256() {
        try {
            return MessageDigest.getInstance("SHA-256");
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("every JDK has SHA-256", e);
        }
    }
}
