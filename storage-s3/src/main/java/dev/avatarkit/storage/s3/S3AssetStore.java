package dev.avatarkit.storage.s3;

import dev.avatarkit.core.domain.AssetKey;
import dev.avatarkit.core.domain.Require;
import dev.avatarkit.core.domain.ValidationException;
import dev.avatarkit.core.port.AssetStore;
import dev.avatarkit.core.port.Page;
import dev.avatarkit.core.port.PutOptions;
import dev.avatarkit.core.port.StorageException;
import dev.avatarkit.core.port.StoredObject;
import java.io.IOException;
import java.io.InputStream;
import java.net.URI;
import java.nio.channels.FileChannel;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.time.Clock;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.function.Function;
import software.amazon.awssdk.core.exception.SdkException;
import software.amazon.awssdk.services.s3.S3Client;
import software.amazon.awssdk.services.s3.model.HeadObjectResponse;
import software.amazon.awssdk.services.s3.model.ListObjectsV2Response;
import software.amazon.awssdk.services.s3.model.NoSuchKeyException;
import software.amazon.awssdk.services.s3.model.S3Exception;
import software.amazon.awssdk.services.s3.model.S3Object;
import software.amazon.awssdk.services.s3.presigner.S3Presigner;

/**
 * {@link AssetStore} on S3 or an S3-compatible server: streaming multipart puts in bounded memory (a few part
 * buffers per put, parts sent in parallel), sha256 in {@code x-amz-meta-sha256} (a multipart object's in a sidecar
 * object, see {@link S3Upload}), presigned GET URLs. {@link #list} does not fill in
 * sha256 or content type (that would cost one HEAD per object); {@link #stat} does. {@code put} reads the content
 * to its end but leaves closing it to the caller. Close the store to free the SDK clients.
 */
public final class S3AssetStore implements AssetStore, AutoCloseable {
    private final S3StoreConfig config;
    private final S3Client s3;
    private final S3Presigner presigner;
    private final S3Upload upload;
    private final Clock clock;

    public S3AssetStore(S3StoreConfig config) {
        this(
                Require.nonNull(config, "config"),
                S3Clients.client(config),
                S3Clients.presigner(config),
                Clock.systemUTC());
    }

    /** For tests: a client with interceptors, a fixed clock. */
    S3AssetStore(S3StoreConfig config, S3Client s3, S3Presigner presigner, Clock clock) {
        this.clock = clock;
        this.config = config;
        this.s3 = s3;
        this.presigner = presigner;
        this.upload = new S3Upload(s3, config.bucket(), config.partSize());
    }

    @Override
    public StoredObject put(AssetKey key, InputStream content, PutOptions options) {
        Require.nonNull(key, "key");
        Require.nonNull(content, "content");
        Require.nonNull(options, "options");
        return stored(key, options, objectKey -> upload.upload(objectKey, sidecarKey(key), content, options));
    }

    /** Parts are read straight from the file, several sent at once; no part buffers (see {@link S3Upload}). */
    @Override
    public StoredObject put(AssetKey key, Path file, PutOptions options) {
        Require.nonNull(key, "key");
        Require.nonNull(file, "file");
        Require.nonNull(options, "options");
        FileChannel channel = openSource(key, file);
        try {
            return stored(key, options, objectKey -> upload.upload(objectKey, sidecarKey(key), channel, options));
        } finally {
            closeQuietly(channel);
        }
    }

    /** Runs one upload to the key's object and maps its failures. */
    private StoredObject stored(AssetKey key, PutOptions options, Function<String, S3Upload.Result> upload) {
        String objectKey = objectKey(key);
        try {
            S3Upload.Result result = upload.apply(objectKey);
            return new StoredObject(
                    key, uri(objectKey), result.size(), result.sha256(), options.contentType(), clock.instant());
        } catch (S3Upload.SourceFailure e) {
            throw sourceFailed(key, e);
        } catch (SdkException e) {
            throw S3Errors.map(e, "writing", config.bucket(), objectKey);
        }
    }

    private static void closeQuietly(FileChannel channel) {
        try {
            channel.close();
        } catch (IOException ignored) {
            // A read-only file: the put already has every byte (or already failed); nothing to report.
        }
    }

    private static FileChannel openSource(AssetKey key, Path file) {
        try {
            if (!Files.isRegularFile(file)) throw new NoSuchFileException(file.toString(), null, "not a regular file");
            return FileChannel.open(file, StandardOpenOption.READ);
        } catch (IOException e) {
            throw sourceFailed(key, new S3Upload.SourceFailure(e));
        }
    }

    private static StorageException sourceFailed(AssetKey key, S3Upload.SourceFailure e) {
        return new StorageException(
                StorageException.Reason.SOURCE_FAILED,
                "reading the content for '" + key + "' failed, nothing new was stored: " + e.getMessage(),
                e.getCause());
    }

    @Override
    public InputStream open(AssetKey key, long offset) {
        Require.nonNull(key, "key");
        Require.that(offset >= 0, "offset", "'offset' must be >= 0, was " + offset);
        String objectKey = objectKey(key);
        try {
            return s3.getObject(
                    b -> b.bucket(config.bucket()).key(objectKey).range(offset == 0 ? null : "bytes=" + offset + "-"));
        } catch (S3Exception e) {
            if (e.statusCode() == 416) return pastTheEnd(key, offset);
            throw S3Errors.map(e, "reading", config.bucket(), objectKey);
        } catch (SdkException e) {
            throw S3Errors.map(e, "reading", config.bucket(), objectKey);
        }
    }

    /** S3 answers 416 for a range starting at the size; a reader at the end simply gets no bytes. */
    private InputStream pastTheEnd(AssetKey key, long offset) {
        long size = stat(key)
                .orElseThrow(() -> new StorageException(
                        StorageException.Reason.NOT_FOUND, "no object " + uri(objectKey(key)), null))
                .size();
        if (offset == size) return InputStream.nullInputStream();
        throw new ValidationException(
                "offset", "'offset' " + offset + " is past the end of '" + key + "' (" + size + " bytes)");
    }

    @Override
    public Optional<StoredObject> stat(AssetKey key) {
        Require.nonNull(key, "key");
        String objectKey = objectKey(key);
        try {
            HeadObjectResponse head =
                    s3.headObject(b -> b.bucket(config.bucket()).key(objectKey));
            String sha256 = head.metadata().get("sha256");
            if (sha256 == null) sha256 = sidecarSha256(key);
            return Optional.of(new StoredObject(
                    key, uri(objectKey), head.contentLength(), sha256, head.contentType(), head.lastModified()));
        } catch (NoSuchKeyException e) {
            return Optional.empty();
        } catch (SdkException e) {
            if (e instanceof S3Exception s3e && s3e.statusCode() == 404) return Optional.empty();
            throw S3Errors.map(e, "reading the metadata of", config.bucket(), objectKey);
        }
    }

    /** A multipart object's sha256, from its sidecar; null if it has none (an object another tool wrote). */
    private String sidecarSha256(AssetKey key) {
        String sidecar = sidecarKey(key);
        try {
            return s3.getObjectAsBytes(b -> b.bucket(config.bucket()).key(sidecar))
                    .asString(StandardCharsets.US_ASCII);
        } catch (NoSuchKeyException e) {
            return null;
        }
    }

    @Override
    public Page<StoredObject> list(String prefix, String afterKey, int limit) {
        S3Keys.checkPrefix(prefix);
        Require.between(limit, 1, 1000, "limit");
        String fullPrefix = config.prefix() + prefix;
        String startAfter = afterKey == null ? null : config.prefix() + afterKey;
        try {
            List<StoredObject> items = new ArrayList<>();
            boolean truncated = true;
            // Refill until the page is full: sha256 sidecars (".sha256/…"), directory markers some servers
            // report, and foreign objects outside the key grammar are skipped, and must not shorten pages.
            while (items.size() < limit && truncated) {
                int wanted = limit - items.size();
                String after = startAfter;
                ListObjectsV2Response response = s3.listObjectsV2(b -> b.bucket(config.bucket())
                        .prefix(fullPrefix)
                        .startAfter(after)
                        .maxKeys(wanted));
                for (S3Object object : response.contents()) {
                    startAfter = object.key();
                    S3Keys.asKey(object.key().substring(config.prefix().length()))
                            .ifPresent(key -> items.add(new StoredObject(
                                    key, uri(object.key()), object.size(), null, null, object.lastModified())));
                }
                truncated = Boolean.TRUE.equals(response.isTruncated())
                        && !response.contents().isEmpty();
            }
            return new Page<>(
                    items,
                    truncated && !items.isEmpty()
                            ? items.get(items.size() - 1).key().value()
                            : null);
        } catch (SdkException e) {
            throw S3Errors.map(e, "listing", config.bucket(), fullPrefix);
        }
    }

    @Override
    public boolean delete(AssetKey key) {
        // DeleteObject answers 204 whether or not the key existed; the HEAD is what tells true from false.
        boolean existed = stat(key).isPresent();
        String objectKey = objectKey(key);
        try {
            s3.deleteObject(b -> b.bucket(config.bucket()).key(objectKey));
            s3.deleteObject(b -> b.bucket(config.bucket()).key(sidecarKey(key))); // answers 204 if there is none
            return existed;
        } catch (SdkException e) {
            throw S3Errors.map(e, "deleting", config.bucket(), objectKey);
        }
    }

    @Override
    public Optional<URI> presignedUrl(AssetKey key, Duration ttl) {
        Require.nonNull(key, "key");
        Require.nonNull(ttl, "ttl");
        Require.that(
                !ttl.isNegative() && !ttl.isZero() && ttl.compareTo(Duration.ofDays(7)) <= 0,
                "ttl",
                "'ttl' must be between 1 second and 7 days (the SigV4 maximum), was " + ttl);
        String objectKey = objectKey(key);
        try {
            return Optional.of(presigner
                    .presignGetObject(p -> p.signatureDuration(ttl)
                            .getObjectRequest(g -> g.bucket(config.bucket()).key(objectKey)))
                    .url()
                    .toURI());
        } catch (java.net.URISyntaxException e) {
            throw new StorageException(StorageException.Reason.IO, "presigned URL for '" + key + "' is not a URI", e);
        }
    }

    @Override
    public void close() {
        upload.close();
        s3.close();
        presigner.close();
    }

    /** The most part-buffer memory one put has held: {@code PART_BUFFERS} parts at most, whatever the object's size. */
    long bufferBytesPerPut() {
        return upload.bufferBytes();
    }

    private String objectKey(AssetKey key) {
        return config.prefix() + key.value();
    }

    /** Where a multipart object's sha256 lives; the leading '.' keeps it out of every listing. */
    private String sidecarKey(AssetKey key) {
        return config.prefix() + ".sha256/" + key.value();
    }

    private URI uri(String objectKey) {
        return URI.create("s3://" + config.bucket() + "/" + objectKey);
    }
}
