package dev.avatarkit.storage.local;

import java.io.IOException;
import java.io.InterruptedIOException;
import java.nio.ByteBuffer;
import java.security.MessageDigest;
import java.util.concurrent.ArrayBlockingQueue;
import java.util.concurrent.BlockingQueue;
import java.util.function.Supplier;

/**
 * Feeds a {@link MessageDigest} on its own thread, so hashing overlaps reading and writing instead of adding to them
 * (SHA-256 runs at ~1.2-1.7 GiB/s here, about as fast as the disk takes the bytes). With a {@link Sink}, a second
 * thread hands each buffer to it first (the direct writes), then on to the hasher. Memory is a fixed pool of
 * {@code buffers} equal buffers, {@code first} being one (new ones are direct when it is, or come from the given
 * allocator): {@link #take} hands out a new one while the pool is not full, then waits for one the hasher is done
 * with, so a slow hasher slows the writer instead of growing the memory. Buffers are hashed in the order given. Not
 * thread-safe: one producer.
 */
final class BackgroundHasher implements AutoCloseable {
    private static final ByteBuffer END = ByteBuffer.allocate(0);
    private final MessageDigest digest;
    private final Supplier<ByteBuffer> allocate;
    private final Sink sink;
    private final int buffers;
    private final BlockingQueue<ByteBuffer> free;
    private final BlockingQueue<ByteBuffer> pending;
    private final BlockingQueue<ByteBuffer> written;
    private final Thread thread;
    private final Thread writer;
    private int allocated = 1;
    private boolean ended;
    private volatile boolean abandoned;
    private volatile Throwable failure;

    BackgroundHasher(MessageDigest digest, ByteBuffer first, int buffers) {
        this(
                digest,
                buffers,
                () -> first.isDirect()
                        ? ByteBuffer.allocateDirect(first.capacity())
                        : ByteBuffer.allocate(first.capacity()),
                null);
    }

    /** Takes each buffer's bytes, on a thread of its own, before they are hashed. */
    interface Sink {
        void write(ByteBuffer bytes) throws IOException;
    }

    /** The same with the pool's new buffers made by {@code allocate} (aligned ones for direct writes). */
    BackgroundHasher(MessageDigest digest, int buffers, Supplier<ByteBuffer> allocate, Sink sink) {
        if (buffers < 2)
            throw new IllegalArgumentException("'buffers' must be >= 2 to overlap anything, was " + buffers);
        this.digest = digest;
        this.allocate = allocate;
        this.sink = sink;
        this.buffers = buffers;
        this.free = new ArrayBlockingQueue<>(buffers);
        this.pending = new ArrayBlockingQueue<>(buffers + 1); // every buffer, plus END: offering never blocks
        this.written = sink == null ? pending : new ArrayBlockingQueue<>(buffers + 1);
        this.thread = new Thread(this::run, "avatarkit-local-hash");
        thread.setDaemon(true);
        // With a sink, a second thread writes each buffer and passes it on to the hasher: a write waiting for the
        // device and the hash of the buffer before it overlap, and neither holds up the producer.
        this.writer = sink == null ? null : new Thread(this::write, "avatarkit-local-write");
        if (writer != null) {
            writer.setDaemon(true);
            writer.start();
        }
        thread.start();
    }

    /**
     * A cleared buffer to fill: a new one while fewer than {@code buffers} exist, else the next one hashed (waits).
     * Throws once hashing or the sink has failed, so a producer stops early (a full disk, not a GiB later).
     */
    ByteBuffer take() throws IOException {
        ByteBuffer buffer = free.poll();
        if (buffer != null) return buffer.clear();
        if (allocated < buffers) {
            allocated++;
            return allocate.get();
        }
        try {
            ByteBuffer next = free.take().clear();
            if (failure != null) throw failed();
            return next;
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new InterruptedIOException("interrupted while waiting for the hasher");
        }
    }

    /**
     * Hands the remaining bytes of a buffer from {@link #take} (or {@code first}) over; do not touch it after. Hashing
     * consumes them (a direct buffer goes through the digest's small temp array, no per-buffer heap copy).
     */
    void hash(ByteBuffer buffer) {
        pending.add(buffer);
    }

    /** Waits until every buffer handed over is hashed: the digest is then complete. */
    void finish() throws IOException {
        stop();
        if (failure != null) throw failed();
    }

    /** The failure for the producer: a failed write as itself (a full disk must read as one), else a hash failure. */
    private IOException failed() {
        Throwable cause = failure;
        return cause instanceof IOException
                ? new IOException(cause.getMessage(), cause)
                : new IOException("hashing failed: " + cause.getMessage(), cause);
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
        boolean interrupted = join(writer);
        if (join(thread) || interrupted) Thread.currentThread().interrupt();
    }

    /** Waits for the thread to end; returns whether this thread was interrupted meanwhile. */
    private static boolean join(Thread thread) {
        boolean interrupted = false;
        while (thread != null && thread.isAlive()) {
            try {
                thread.join();
            } catch (InterruptedException e) {
                interrupted = true; // at most `buffers` chunks are left: the thread ends within milliseconds
            }
        }
        return interrupted;
    }

    private void write() {
        while (true) {
            ByteBuffer chunk = takeUninterruptibly(pending);
            if (chunk != END && !abandoned && failure == null) {
                try {
                    sink.write(chunk.duplicate());
                } catch (IOException | RuntimeException | Error e) {
                    failure = e; // keep passing buffers on so the producer never waits for one forever
                }
            }
            written.add(chunk);
            if (chunk == END) return;
        }
    }

    private void run() {
        while (true) {
            ByteBuffer chunk = takeUninterruptibly(written);
            if (chunk == END) return;
            if (!abandoned && failure == null) {
                try {
                    digest.update(chunk);
                } catch (RuntimeException | Error e) {
                    failure = e; // keep draining so the producer never waits for a buffer forever
                }
            }
            free.add(chunk);
        }
    }

    private static ByteBuffer takeUninterruptibly(BlockingQueue<ByteBuffer> queue) {
        while (true) {
            try {
                return queue.take();
            } catch (InterruptedException e) {
                // Only stop() ends this thread, so the producer can always count on its buffers coming back.
            }
        }
    }
}
