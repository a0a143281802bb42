package dev.avatarkit.storage.local;

import dev.avatarkit.core.domain.AssetKey;
import dev.avatarkit.core.domain.Require;
import dev.avatarkit.core.domain.ValidationException;
import dev.avatarkit.core.port.AssetStore;
import dev.avatarkit.core.port.Page;
import dev.avatarkit.core.port.PutOptions;
import dev.avatarkit.core.port.StoredObject;
import java.io.IOException;
import java.io.InputStream;
import java.nio.channels.Channels;
import java.nio.channels.FileChannel;
import java.nio.channels.SeekableByteChannel;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.security.MessageDigest;
import java.time.Clock;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HexFormat;
import java.util.List;
import java.util.Optional;

/**
 * {@link AssetStore} on the local disk: temp file + fsync + atomic rename + directory fsync, a JSON sidecar
 * {@code .<name>.meta.json} per object, keys confined to the root. One writer process per root is expected;
 * temps of crashed writers are removed when a store is constructed. {@code put} leaves closing the content to the
 * caller.
 */
public final class LocalAssetStore implements AssetStore {
    private final SafePaths paths;
    private final Clock clock;

    public LocalAssetStore(LocalStoreConfig config) {
        this(config, Clock.systemUTC());
    }

    public LocalAssetStore(LocalStoreConfig config, Clock clock) {
        Require.nonNull(config, "config");
        this.clock = Require.nonNull(clock, "clock");
        Path root = config.root();
        try {
            Files.createDirectories(root);
            this.paths = new SafePaths(root, root.toRealPath());
            AtomicFiles.sweep(root);
        } catch (IOException e) {
            throw LocalErrors.map(e, "opening", root.toString(), root);
        }
    }

    @Override
    public StoredObject put(AssetKey key, InputStream content, PutOptions options) {
        Require.nonNull(content, "content");
        return store(key, options, (temp, sha) -> AtomicFiles.writeTemp(temp, content, sha));
    }

    /**
     * Reads the file into aligned direct buffers and writes them past the page cache, hashing them on a second
     * thread ({@link DirectWrites}); where the file system refuses direct writes, or for a file of one chunk or less,
     * copies it in the kernel and hashes the copy. No byte goes through the heap either way.
     */
    @Override
    public StoredObject put(AssetKey key, Path file, PutOptions options) {
        Require.nonNull(file, "file");
        return store(key, options, (temp, sha) -> {
            try (FileChannel source = openSource(file)) {
                return AtomicFiles.writeTemp(temp, source, sha);
            }
        });
    }

    /** Writes one temp file with the object's bytes and feeds them to the digest; returns the size. */
    private interface TempWriter {
        long write(Path temp, MessageDigest sha) throws IOException;
    }

    private StoredObject store(AssetKey key, PutOptions options, TempWriter writer) {
        Require.nonNull(key, "key");
        Require.nonNull(options, "options");
        Path target = paths.resolve(key.value());
        Path sidecar =
                target.resolveSibling(Manifest.fileNameFor(target.getFileName().toString()));
        Path temp = AtomicFiles.tempFor(target);
        Path sidecarTemp = AtomicFiles.tempFor(sidecar);
        try {
            Files.createDirectories(target.getParent());
            MessageDigest sha = AtomicFiles.sha256();
            long size = writer.write(temp, sha);
            Instant now = clock.instant();
            Manifest manifest = new Manifest(
                    1,
                    HexFormat.of().formatHex(sha.digest()),
                    size,
                    options.contentType(),
                    options.sourceJob() == null ? null : options.sourceJob().value(),
                    now.toString(),
                    Files.getLastModifiedTime(temp).toMillis());
            AtomicFiles.writeTemp(sidecarTemp, manifest.toJson());
            // Object first, then sidecar: a crash in between leaves a stale sidecar, which stat detects.
            AtomicFiles.moveIntoPlace(temp, target);
            AtomicFiles.moveIntoPlace(sidecarTemp, sidecar);
            AtomicFiles.fsyncDirectory(target.getParent());
            return ManifestFiles.toObject(key, target, manifest);
        } catch (AtomicFiles.SourceFailure e) {
            throw LocalErrors.sourceFailed((IOException) e.getCause(), key);
        } catch (IOException e) {
            throw LocalErrors.map(e, "writing", key.value(), paths.root());
        } finally {
            AtomicFiles.forgetTemp(temp);
            AtomicFiles.forgetTemp(sidecarTemp);
        }
    }

    /** The source file, or a {@link AtomicFiles.SourceFailure}: a missing or unreadable source is not a store fault. */
    private static FileChannel openSource(Path file) throws AtomicFiles.SourceFailure {
        try {
            if (!Files.isRegularFile(file)) throw new NoSuchFileException(file.toString(), null, "not a regular file");
            return FileChannel.open(file, StandardOpenOption.READ);
        } catch (IOException e) {
            throw new AtomicFiles.SourceFailure(e);
        }
    }

    @Override
    public InputStream open(AssetKey key, long offset) {
        Require.nonNull(key, "key");
        Require.that(offset >= 0, "offset", "'offset' must be >= 0, was " + offset);
        Path path = paths.resolve(key.value());
        SeekableByteChannel channel = null;
        try {
            if (!Files.isRegularFile(path)) throw new NoSuchFileException(path.toString());
            channel = Files.newByteChannel(path);
            if (offset > channel.size()) {
                throw new ValidationException(
                        "offset",
                        "'offset' " + offset + " is past the end of '" + key + "' (" + channel.size() + " bytes)");
            }
            channel.position(offset);
            return Channels.newInputStream(channel);
        } catch (IOException e) {
            closeQuietly(channel);
            throw LocalErrors.map(e, "opening", key.value(), paths.root());
        } catch (RuntimeException e) {
            closeQuietly(channel);
            throw e;
        }
    }

    @Override
    public Optional<StoredObject> stat(AssetKey key) {
        Require.nonNull(key, "key");
        Path path = paths.resolve(key.value());
        try {
            return Optional.of(ManifestFiles.describe(key, path, true));
        } catch (NoSuchFileException e) {
            return Optional.empty();
        } catch (IOException e) {
            throw LocalErrors.map(e, "reading the metadata of", key.value(), paths.root());
        }
    }

    @Override
    public Page<StoredObject> list(String prefix, String afterKey, int limit) {
        Path start = paths.prefixDirectory(prefix);
        Require.between(limit, 1, 1000, "limit");
        try {
            List<Path> files = LocalLister.list(paths.root(), start, prefix, afterKey, limit + 1);
            List<StoredObject> items = new ArrayList<>();
            for (Path file : files.subList(0, Math.min(limit, files.size()))) {
                AssetKey key =
                        new AssetKey(paths.root().relativize(file).toString().replace('\\', '/'));
                try {
                    // No re-hashing while listing: a stale sidecar shows as an unknown sha256 (null).
                    items.add(ManifestFiles.describe(key, file, false));
                } catch (NoSuchFileException deletedMeanwhile) {
                    // Deleted between the directory read and now: it is simply not there any more.
                }
            }
            String next =
                    files.size() > limit ? items.get(items.size() - 1).key().value() : null;
            return new Page<>(items, next);
        } catch (IOException e) {
            throw LocalErrors.map(e, "listing", prefix, paths.root());
        }
    }

    @Override
    public boolean delete(AssetKey key) {
        Require.nonNull(key, "key");
        Path path = paths.resolve(key.value());
        try {
            if (Files.isDirectory(path)) return false; // a key prefix, not an object
            boolean existed = Files.deleteIfExists(path);
            // Sidecar after object: a crash in between leaves an orphan sidecar, which the sweeper removes.
            Files.deleteIfExists(
                    path.resolveSibling(Manifest.fileNameFor(path.getFileName().toString())));
            if (existed) AtomicFiles.fsyncDirectory(path.getParent());
            return existed;
        } catch (IOException e) {
            throw LocalErrors.map(e, "deleting", key.value(), paths.root());
        }
    }

    private static void closeQuietly(SeekableByteChannel channel) {
        if (channel == null) return;
        try {
            channel.close();
        } catch (IOException ignored) {
            // Already failing; the original error is the one to report.
        }
    }
}
