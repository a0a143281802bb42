package dev.avatarkit.storage.s3;

import java.io.ByteArrayInputStream;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Deque;
import java.util.List;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Future;
import java.util.concurrent.atomic.AtomicBoolean;
import software.amazon.awssdk.core.exception.AbortedException;
import software.amazon.awssdk.core.sync.RequestBody;
import software.amazon.awssdk.services.s3.S3Client;
import software.amazon.awssdk.services.s3.model.CompletedPart;

/**
 * The parts of one multipart upload, sent on a shared executor while the next one is read, so the server works on
 * several parts at once (S3Proxy's throughput grows with concurrent requests, as {@code aws s3 cp}'s 10 threads
 * show). Memory is bounded: at most {@code buffers} part buffers exist, all of them uploading while the reader waits
 * — {@link #nextBuffer} waits for the oldest part before reusing its buffer — and the first failure is rethrown
 * there or by {@link #completed}. {@link #close} waits until no part is being sent, so an abort that follows is
 * not raced by a late part.
 */
final class ParallelParts implements AutoCloseable {
    private record InFlight(Future<CompletedPart> part, byte[] buffer, CountDownLatch ended) {}

    private final S3Client s3;
    private final String bucket;
    private final String key;
    private final String uploadId;
    private final ExecutorService executor;
    private final int buffers;
    private final int partSize;
    private final Deque<InFlight> running = new ArrayDeque<>();
    private final List<CompletedPart> done = new ArrayList<>();
    private final AtomicBoolean abandoned = new AtomicBoolean();
    private int allocated = 1;
    private int submitted;

    /** {@code first}: the buffer the caller already filled, one of the {@code buffers}. */
    ParallelParts(
            S3Client s3,
            String bucket,
            String key,
            String uploadId,
            ExecutorService executor,
            int buffers,
            byte[] first) {
        if (buffers < 2)
            throw new IllegalArgumentException("'buffers' must be >= 2 to overlap anything, was " + buffers);
        this.s3 = s3;
        this.bucket = bucket;
        this.key = key;
        this.uploadId = uploadId;
        this.executor = executor;
        this.buffers = buffers;
        this.partSize = first.length;
    }

    /** For parts that bring their own bytes ({@link #send(RequestBody, long)}): no part buffers at all. */
    static ParallelParts unbuffered(S3Client s3, String bucket, String key, String uploadId, ExecutorService executor) {
        return new ParallelParts(s3, bucket, key, uploadId, executor, 2, new byte[0]);
    }

    /** How many part buffers this upload allocated (tests check the bound). */
    int buffersAllocated() {
        return allocated;
    }

    /** A buffer to fill with the next part: a new one while fewer than {@code buffers} exist, else the oldest part's once it is sent. */
    byte[] nextBuffer() {
        if (allocated < buffers) {
            allocated++;
            return new byte[partSize];
        }
        InFlight oldest = running.removeFirst();
        done.add(await(oldest.part()));
        return oldest.buffer();
    }

    /** Starts sending {@code length} bytes of {@code buffer} as the next part; do not touch the buffer until {@link #nextBuffer} hands it back. */
    void send(byte[] buffer, int length) {
        submit(body(buffer, length), length, buffer);
    }

    /**
     * Starts sending a part whose bytes the body reads from elsewhere (a file range): no buffer of ours is involved,
     * so the caller bounds the parts in flight with {@link #awaitBelow}.
     */
    void send(RequestBody part, long length) {
        submit(part, length, null);
    }

    /** Waits for the oldest parts until fewer than {@code inFlight} are being sent. */
    void awaitBelow(int inFlight) {
        while (running.size() >= inFlight) done.add(await(running.removeFirst().part()));
    }

    private void submit(RequestBody part, long length, byte[] buffer) {
        int partNumber = ++submitted;
        CountDownLatch ended = new CountDownLatch(1);
        running.addLast(new InFlight(
                executor.submit(() -> {
                    try {
                        if (abandoned.get())
                            throw AbortedException.create("upload abandoned before part " + partNumber);
                        String etag = s3.uploadPart(
                                        b -> b.bucket(bucket)
                                                .key(key)
                                                .uploadId(uploadId)
                                                .partNumber(partNumber)
                                                .contentLength(length),
                                        part)
                                .eTag();
                        return CompletedPart.builder()
                                .partNumber(partNumber)
                                .eTag(etag)
                                .build();
                    } finally {
                        ended.countDown();
                    }
                }),
                buffer,
                ended));
    }

    /** Waits for every part; they come back in part order, as CompleteMultipartUpload wants them. */
    List<CompletedPart> completed() {
        while (!running.isEmpty()) done.add(await(running.removeFirst().part()));
        return List.copyOf(done);
    }

    /**
     * Waits until no part is being sent. Not {@code Future.cancel}: a cancelled task may still be running, and a part
     * that lands after AbortMultipartUpload can leave the upload pending (S3Proxy recreates it).
     */
    @Override
    public void close() {
        abandoned.set(true); // parts not started yet end at once
        boolean interrupted = false;
        for (InFlight part : running) {
            while (true) {
                try {
                    part.ended().await();
                    break;
                } catch (InterruptedException e) {
                    interrupted = true;
                }
            }
        }
        running.clear();
        if (interrupted) Thread.currentThread().interrupt();
    }

    /** Replayable without copying: the SDK may read it twice (payload signing, retries). */
    static RequestBody body(byte[] buffer, int length) {
        return RequestBody.fromContentProvider(
                () -> new ByteArrayInputStream(buffer, 0, length), length, "application/octet-stream");
    }

    private static CompletedPart await(Future<CompletedPart> part) {
        boolean interrupted = false;
        try {
            while (true) {
                try {
                    return part.get();
                } catch (InterruptedException e) {
                    // Returning early would let the caller reuse a buffer the SDK is still sending: wait, then report.
                    interrupted = true;
                } catch (ExecutionException e) {
                    if (e.getCause() instanceof RuntimeException runtime) throw runtime;
                    if (e.getCause() instanceof Error error) throw error;
                    throw new IllegalStateException(e.getCause());
                }
            }
        } finally {
            if (interrupted) Thread.currentThread().interrupt();
        }
    }
}
