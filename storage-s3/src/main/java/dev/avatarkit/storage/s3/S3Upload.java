package dev.avatarkit.storage.s3;

import dev.avatarkit.core.port.PutOptions;
import java.io.IOException;
import java.io.InputStream;
import java.io.PushbackInputStream;
import java.io.UncheckedIOException;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.HashMap;
import java.util.HexFormat;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.atomic.AtomicLong;
import software.amazon.awssdk.services.s3.S3Client;
import software.amazon.awssdk.services.s3.model.CompletedPart;

/**
 * One streaming put in bounded memory: part-sized buffers, at most {@link #PART_BUFFERS}, reused. A body that
 * fits in one goes up as one PutObject carrying {@code x-amz-meta-sha256}. A bigger one is a multipart upload, parts
 * sent in parallel ({@link ParallelParts}), to a staging key
 * ({@code <prefix>.uploads/<uuid>}, invisible to list because no key may start with '.'), then a server-side copy
 * to the final key: S3 metadata is fixed at CreateMultipartUpload, before the sha256 is known, and the copy makes
 * the object appear at once with its sha256. Any failure aborts the upload and removes the staging object.
 */
final class S3Upload {
    /** The largest object a single CopyObject may copy; bigger ones are copied part by part. */
    static final long COPY_LIMIT = 5L * 1024 * 1024 * 1024;

    /**
     * Part buffers per put: while one is filled the others are uploading. Heap per put is this many parts plus what
     * the HTTP client holds per request in flight (measured in bench/README, issue 17).
     */
    static final int PART_BUFFERS = 3;

    record Result(long size, String sha256) {}

    /** The source, not S3, failed. */
    static final class SourceFailure extends RuntimeException {
        SourceFailure(IOException cause) {
            super(cause.getMessage(), cause);
        }
    }

    private final S3Client s3;
    private final String bucket;
    private final String stagingPrefix;
    private final int partSize;
    private final long copyLimit;
    private final AtomicLong largestBuffer = new AtomicLong();
    /** Threads for part uploads, shared by concurrent puts; each put bounds its own parts in flight. */
    private final ExecutorService executor;

    S3Upload(S3Client s3, String bucket, String stagingPrefix, int partSize, long copyLimit) {
        this.s3 = s3;
        this.executor = Executors.newCachedThreadPool(daemon -> {
            Thread thread = new Thread(daemon, "avatarkit-s3-part");
            thread.setDaemon(true);
            return thread;
        });
        this.bucket = bucket;
        this.stagingPrefix = stagingPrefix;
        this.partSize = partSize;
        this.copyLimit = copyLimit;
    }

    /** The most part-buffer bytes any put has held so far (tests check it stays bounded, whatever the size). */
    long bufferBytes() {
        return largestBuffer.get();
    }

    Result upload(String objectKey, InputStream content, PutOptions options) {
        MessageDigest sha = sha256();
        byte[] buffer = new byte[partSize];
        largestBuffer.accumulateAndGet(buffer.length, Math::max);
        PushbackInputStream in = new PushbackInputStream(content, 1);
        int n = fill(in, buffer, sha);
        if (n < partSize || atEnd(in)) {
            String hex = HexFormat.of().formatHex(sha.digest());
            s3.putObject(b -> b.bucket(bucket).key(objectKey).contentType(options.contentType())
                    .metadata(metadata(options, hex)), ParallelParts.body(buffer, n));
            return new Result(n, hex);
        }
        String staging = stagingPrefix + UUID.randomUUID();
        String uploadId = s3.createMultipartUpload(b -> b.bucket(bucket).key(staging)
                .contentType(options.contentType())).uploadId();
        boolean completed = false;
        try {
            long size = 0;
            List<CompletedPart> parts;
            try (ParallelParts sender = new ParallelParts(s3, bucket, staging, uploadId, executor, PART_BUFFERS, buffer)) {
                while (n > 0) {
                    sender.send(buffer, n);
                    size += n;
                    if (n < partSize) break;
                    buffer = sender.nextBuffer();
                    n = fill(in, buffer, sha);
                }
                parts = sender.completed();
                largestBuffer.accumulateAndGet((long) sender.buffersAllocated() * partSize, Math::max);
            }
            s3.completeMultipartUpload(b -> b.bucket(bucket).key(staging).uploadId(uploadId)
                    .multipartUpload(m -> m.parts(parts)));
            completed = true;
            String hex = HexFormat.of().formatHex(sha.digest());
            new S3Copy(s3, bucket, copyLimit, partSize).copy(staging, objectKey, size, options.contentType(), metadata(options, hex));
            s3.deleteObject(b -> b.bucket(bucket).key(staging));
            return new Result(size, hex);
        } catch (RuntimeException e) {
            cleanUp(staging, uploadId, completed, e);
            throw e;
        }
    }

    private void cleanUp(String staging, String uploadId, boolean completed, RuntimeException failure) {
        try {
            if (completed) s3.deleteObject(b -> b.bucket(bucket).key(staging));
            else s3.abortMultipartUpload(b -> b.bucket(bucket).key(staging).uploadId(uploadId));
        } catch (RuntimeException e) {
            // Keep the original failure; a bucket lifecycle rule (AbortIncompleteMultipartUpload) is the backstop.
            failure.addSuppressed(e);
        }
    }

    /** Stops the part threads (running parts finish). */
    void close() {
        executor.shutdown();
    }

    static Map<String, String> metadata(PutOptions options, String sha256) {
        Map<String, String> metadata = new HashMap<>();
        metadata.put("sha256", sha256);
        if (options.sourceJob() != null) metadata.put("source-job", options.sourceJob().value());
        return metadata;
    }

    /** Reads until the buffer is full or the source ends; hashes what it read. */
    private static int fill(InputStream in, byte[] buffer, MessageDigest sha) {
        int filled = 0;
        try {
            while (filled < buffer.length) {
                int n = in.read(buffer, filled, buffer.length - filled);
                if (n < 0) break;
                filled += n;
            }
        } catch (IOException e) {
            throw new SourceFailure(e);
        } catch (UncheckedIOException e) {
            throw new SourceFailure(e.getCause());
        }
        sha.update(buffer, 0, filled);
        return filled;
    }

    private static boolean atEnd(PushbackInputStream in) {
        try {
            int next = in.read();
            if (next < 0) return true;
            in.unread(next);
            return false;
        } catch (IOException e) {
            throw new SourceFailure(e);
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
