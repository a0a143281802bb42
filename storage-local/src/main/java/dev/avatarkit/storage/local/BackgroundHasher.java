package dev.avatarkit.storage.local;

import java.io.IOException;
import java.io.InterruptedIOException;
import java.security.MessageDigest;
import java.util.concurrent.ArrayBlockingQueue;
import java.util.concurrent.BlockingQueue;

/**
 * Feeds a {@link MessageDigest} on its own thread, so hashing overlaps reading and writing instead of adding to them
 * (SHA-256 runs at ~1.7 GiB/s here, about as fast as the disk takes the bytes). Memory is a fixed pool of
 * {@code buffers} equal buffers, {@code first} being one: {@link #take} hands out a new one while the pool is not
 * full, then waits for one the hasher is done with, so a slow hasher slows the writer instead of growing the heap.
 * Buffers are hashed in the order given. Not thread-safe: one producer.
 */
final class BackgroundHasher implements AutoCloseable {
    private record Chunk(byte[] bytes, int length) {}

    private static final Chunk END = new Chunk(new byte[0], -1);
    private final MessageDigest digest;
    private final int bufferSize;
    private final int buffers;
    private final BlockingQueue<byte[]> free;
    private final BlockingQueue<Chunk> pending;
    private final Thread thread;
    private int allocated = 1;
    private boolean ended;
    private volatile boolean abandoned;
    private volatile Throwable failure;

    BackgroundHasher(MessageDigest digest, byte[] first, int buffers) {
        if (buffers < 2)
            throw new IllegalArgumentException("'buffers' must be >= 2 to overlap anything, was " + buffers);
        this.digest = digest;
        this.bufferSize = first.length;
        this.buffers = buffers;
        this.free = new ArrayBlockingQueue<>(buffers);
        this.pending = new ArrayBlockingQueue<>(buffers + 1); // every buffer, plus END: offering never blocks
        this.thread = new Thread(this::run, "avatarkit-local-hash");
        thread.setDaemon(true);
        thread.start();
    }

    /** A buffer to fill: a new one while fewer than {@code buffers} exist, else the next one hashed (waits). */
    byte[] take() throws InterruptedIOException {
        byte[] buffer = free.poll();
        if (buffer != null) return buffer;
        if (allocated < buffers) {
            allocated++;
            return new byte[bufferSize];
        }
        try {
            return free.take();
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new InterruptedIOException("interrupted while waiting for the hasher");
        }
    }

    /** Hands {@code length} bytes of a buffer from {@link #take} (or {@code first}) over; do not touch it after. */
    void hash(byte[] buffer, int length) {
        pending.add(new Chunk(buffer, length));
    }

    /** Waits until every buffer handed over is hashed: the digest is then complete. */
    void finish() throws IOException {
        stop();
        if (failure != null) throw new IOException("hashing failed: " + failure.getMessage(), failure);
    }

    /** Stops the thread; after a failure elsewhere, what is still queued is dropped unhashed. */
    @Override
    public void close() {
        if (!ended) abandoned = true;
        stop();
    }

    private void stop() {
        if (!ended) pending.add(END);
        ended = true;
        boolean interrupted = false;
        while (thread.isAlive()) {
            try {
                thread.join();
            } catch (InterruptedException e) {
                interrupted = true; // at most `buffers` chunks are left: the thread ends within milliseconds
            }
        }
        if (interrupted) Thread.currentThread().interrupt();
    }

    private void run() {
        while (true) {
            Chunk chunk = takeUninterruptibly();
            if (chunk == END) return;
            if (!abandoned && failure == null) {
                try {
                    digest.update(chunk.bytes(), 0, chunk.length());
                } catch (RuntimeException | Error e) {
                    failure = e; // keep draining so the producer never waits for a buffer forever
                }
            }
            free.add(chunk.bytes());
        }
    }

    private Chunk takeUninterruptibly() {
        while (true) {
            try {
                return pending.take();
            } catch (InterruptedException e) {
                // Only stop() ends this thread, so the producer can always count on its buffers coming back.
            }
        }
    }
}
