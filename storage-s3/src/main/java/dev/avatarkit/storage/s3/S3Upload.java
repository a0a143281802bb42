package dev.avatarkit.storage.s3;

import dev.avatarkit.core.port.PutOptions;
import java.io.IOException;
import java.io.InputStream;
import java.io.PushbackInputStream;
import java.io.UncheckedIOException;
import java.nio.ByteBuffer;
import java.nio.channels.FileChannel;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.HashMap;
import java.util.HexFormat;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.atomic.AtomicLong;
import software.amazon.awssdk.core.sync.RequestBody;
import software.amazon.awssdk.services.s3.S3Client;
import software.amazon.awssdk.services.s3.model.CompletedPart;

/**
 * One streaming put in bounded memory: part-sized buffers, at most {@link #PART_BUFFERS}, reused. A body that
 * fits in one goes up as one PutObject carrying {@code x-amz-meta-sha256}. A bigger one is a multipart upload straight
 * to the final key, parts sent in parallel ({@link ParallelParts}). S3 metadata is fixed at CreateMultipartUpload,
 * before the sha256 is known, so a multipart object's sha256 goes to a small sidecar object
 * ({@code <prefix>.sha256/<key>}, invisible to list because no key may start with '.'), written before
 * CompleteMultipartUpload so the object never appears without it. (Until issue 17 the upload went to a staging key
 * and was copied to the final key with its sha256: the server rewrote every byte again, 3–5 s of a 15 s 1 GiB put
 * on S3Proxy.) Any failure aborts the upload and removes the sidecar.
 */
final class S3Upload {
    /**
     * Part buffers per put: while one is filled the others are uploading. Heap per put is this many parts plus what
     * the HTTP client holds per request in flight (measured in bench/README, issue 17).
     */
    static final int PART_BUFFERS = 3;
    /** Parts of a file put sent at once: they hold no buffer of ours, so as many as {@code aws s3 cp} sends. */
    static final int FILE_PARTS_IN_FLIGHT = 10;
    /** The part size a big file put grows to (see {@link #filePartSize}). */
    static final long FILE_PART_TARGET = 32L * 1024 * 1024;
    /** S3's limit on the parts of one multipart upload. */
    static final int MAX_PARTS = 10_000;

    private static final long MIB = 1024 * 1024;

    private static final int HASH_BUFFER = 1024 * 1024;

    record Result(long size, String sha256) {}

    /** The source, not S3, failed. */
    static final class SourceFailure extends RuntimeException {
        SourceFailure(IOException cause) {
            super(cause.getMessage(), cause);
        }
    }

    private final S3Client s3;
    private final String bucket;
    private final int partSize;
    private final AtomicLong largestBuffer = new AtomicLong();
    /** Threads for part uploads, shared by concurrent puts; each put bounds its own parts in flight. */
    private final ExecutorService executor;

    S3Upload(S3Client s3, String bucket, int partSize) {
        this.s3 = s3;
        this.executor = Executors.newCachedThreadPool(daemon -> {
            Thread thread = new Thread(daemon, "avatarkit-s3-part");
            thread.setDaemon(true);
            return thread;
        });
        this.bucket = bucket;
        this.partSize = partSize;
    }

    /** The most part-buffer bytes any put has held so far (tests check it stays bounded, whatever the size). */
    long bufferBytes() {
        return largestBuffer.get();
    }

    /** Puts {@code content} at {@code objectKey}; a multipart put leaves its sha256 at {@code sidecarKey}. */
    Result upload(String objectKey, String sidecarKey, InputStream content, PutOptions options) {
        MessageDigest sha = sha256();
        byte[] first = new byte[partSize];
        largestBuffer.accumulateAndGet(first.length, Math::max);
        PushbackInputStream in = new PushbackInputStream(content, 1);
        int firstLength = fill(in, first, sha);
        if (firstLength < partSize || atEnd(in)) {
            return putWhole(objectKey, options, sha, firstLength, ParallelParts.body(first, firstLength));
        }
        return multipart(objectKey, sidecarKey, options, sha, uploadId -> {
            try (ParallelParts sender =
                    new ParallelParts(s3, bucket, objectKey, uploadId, executor, PART_BUFFERS, first)) {
                byte[] buffer = first;
                int n = firstLength;
                long size = 0;
                while (n > 0) {
                    sender.send(buffer, n);
                    size += n;
                    if (n < partSize) break;
                    buffer = sender.nextBuffer();
                    n = fill(in, buffer, sha);
                }
                List<CompletedPart> parts = sender.completed();
                largestBuffer.accumulateAndGet((long) sender.buffersAllocated() * partSize, Math::max);
                return new Sent(size, parts);
            }
        });
    }

    /**
     * Puts a local file at {@code objectKey}, parts read straight from the file ({@link FileParts}): no part buffers,
     * up to {@link #FILE_PARTS_IN_FLIGHT} parts sent at once (as {@code aws s3 cp}'s 10 requests), each of
     * {@link #filePartSize} bytes. The calling thread hashes each part after it has started sending it (the second
     * read comes from the page cache).
     */
    Result upload(String objectKey, String sidecarKey, FileChannel file, PutOptions options) {
        long size = sizeOf(file);
        MessageDigest sha = sha256();
        ByteBuffer hashBuffer = ByteBuffer.allocateDirect(HASH_BUFFER);
        if (size <= partSize) {
            hashFile(file, 0, size, hashBuffer, sha);
            return putWhole(objectKey, options, sha, size, FileParts.body(file, 0, size, options.contentType()));
        }
        long filePart = filePartSize(size, partSize);
        return multipart(objectKey, sidecarKey, options, sha, uploadId -> {
            try (ParallelParts sender = ParallelParts.unbuffered(s3, bucket, objectKey, uploadId, executor)) {
                for (long from = 0; from < size; from += filePart) {
                    long length = Math.min(filePart, size - from);
                    sender.awaitBelow(FILE_PARTS_IN_FLIGHT);
                    sender.send(FileParts.body(file, from, length, options.contentType()), length);
                    hashFile(file, from, length, hashBuffer, sha);
                }
                List<CompletedPart> parts = sender.completed();
                if (sizeOf(file) != size)
                    throw new SourceFailure(new IOException("the file changed size while it was put"));
                return new Sent(size, parts);
            }
        });
    }

    /**
     * The part size of a file put of {@code size} bytes. A file part holds no buffer, so its size is not the memory
     * bound the configured part size is for streams: it only sets how many requests the put makes, and every request
     * costs on both ends whatever its size (an UploadPart through the SDK's pipeline and its signer; one file per
     * part on S3Proxy's filesystem store, concatenated again at completion). Issue 17 session 6, a 1 GiB put on a
     * 2-core machine where client and S3Proxy compete for the cores: 32 MiB parts instead of 8 MiB cut the part
     * threads' CPU by ~15% (the client's by ~7%) and S3Proxy's by ~4%. So the part grows towards
     * {@link #FILE_PART_TARGET}, but stays small enough for two rounds of {@link #FILE_PARTS_IN_FLIGHT} parts (a small
     * file keeps its parallelism), and always big enough to fit S3's {@link #MAX_PARTS} (the configured part size
     * alone capped an object at 10,000 parts: 78 GiB at 8 MiB). Whole MiB, never below {@code configured}.
     */
    static long filePartSize(long size, int configured) {
        long spread = Math.min(FILE_PART_TARGET, ceilDiv(size, 2L * FILE_PARTS_IN_FLIGHT));
        long part = Math.max(configured, Math.max(spread, ceilDiv(size, MAX_PARTS)));
        return ceilDiv(part, MIB) * MIB;
    }

    private static long ceilDiv(long dividend, long divisor) {
        return (dividend + divisor - 1) / divisor;
    }

    /** What the parts of a multipart upload added up to. */
    private record Sent(long size, List<CompletedPart> parts) {}

    /** Sends every part of one multipart upload, hashing them into the digest given to {@link #multipart}. */
    private interface PartSender {
        Sent sendAll(String uploadId);
    }

    /** One PutObject carrying the sha256 in its metadata; {@code sha} has seen the whole body. */
    private Result putWhole(String objectKey, PutOptions options, MessageDigest sha, long size, RequestBody body) {
        String hex = HexFormat.of().formatHex(sha.digest());
        s3.putObject(
                b -> b.bucket(bucket)
                        .key(objectKey)
                        .contentType(options.contentType())
                        .metadata(metadata(options, hex)),
                body);
        return new Result(size, hex);
    }

    /**
     * Creates the upload, lets {@code parts} send every part, writes the sidecar, then completes; on any failure
     * aborts the upload and removes the sidecar.
     */
    private Result multipart(
            String objectKey, String sidecarKey, PutOptions options, MessageDigest sha, PartSender parts) {
        String uploadId = s3.createMultipartUpload(b -> b.bucket(bucket)
                        .key(objectKey)
                        .contentType(options.contentType())
                        .metadata(metadata(options, null)))
                .uploadId();
        boolean sidecarWritten = false;
        try {
            Sent sent = parts.sendAll(uploadId);
            String hex = HexFormat.of().formatHex(sha.digest());
            writeSidecar(sidecarKey, hex);
            sidecarWritten = true;
            s3.completeMultipartUpload(b ->
                    b.bucket(bucket).key(objectKey).uploadId(uploadId).multipartUpload(m -> m.parts(sent.parts())));
            return new Result(sent.size(), hex);
        } catch (RuntimeException e) {
            cleanUp(objectKey, uploadId, sidecarWritten ? sidecarKey : null, e);
            throw e;
        }
    }

    private void writeSidecar(String sidecarKey, String hex) {
        byte[] sidecar = hex.getBytes(StandardCharsets.US_ASCII);
        s3.putObject(
                b -> b.bucket(bucket).key(sidecarKey).contentType("text/plain"),
                ParallelParts.body(sidecar, sidecar.length));
    }

    private static long sizeOf(FileChannel file) {
        try {
            return file.size();
        } catch (IOException e) {
            throw new SourceFailure(e);
        }
    }

    private static void hashFile(FileChannel file, long from, long length, ByteBuffer buffer, MessageDigest sha) {
        try {
            FileParts.hash(file, from, length, buffer, sha);
        } catch (IOException e) {
            throw new SourceFailure(e);
        }
    }

    private void cleanUp(String objectKey, String uploadId, String sidecarKey, RuntimeException failure) {
        try {
            s3.abortMultipartUpload(b -> b.bucket(bucket).key(objectKey).uploadId(uploadId));
            if (sidecarKey != null) s3.deleteObject(b -> b.bucket(bucket).key(sidecarKey));
        } catch (RuntimeException e) {
            // Keep the original failure; a bucket lifecycle rule (AbortIncompleteMultipartUpload) is the backstop.
            failure.addSuppressed(e);
        }
    }

    /** Stops the part threads (running parts finish). */
    void close() {
        executor.shutdown();
    }

    /** The object's metadata; {@code sha256} null for a multipart object (its sidecar has it). */
    static Map<String, String> metadata(PutOptions options, String sha256) {
        Map<String, String> metadata = new HashMap<>();
        if (sha256 != null) metadata.put("sha256", sha256);
        if (options.sourceJob() != null)
            metadata.put("source-job", options.sourceJob().value());
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
