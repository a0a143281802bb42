package dev.avatarkit.storage.local;

import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.channels.FileChannel;
import java.security.MessageDigest;

/**
 * Hashes a file on its own thread while another thread is still writing it: the writer says how far the file is
 * written ({@link #hashUpTo}), this thread reads that much back (positional reads on the writer's own channel, so
 * from the page cache, and without opening a second channel, which would drop the writer's POSIX lock) and feeds
 * the digest. The digest is then of the bytes that landed in the file, and hashing overlaps the copy instead of
 * adding to it. Memory: one direct buffer of {@link #CHUNK}, no heap per byte.
 */
final class TrailingHasher implements AutoCloseable {
    static final int CHUNK = 1024 * 1024;

    private final FileChannel file;
    private final MessageDigest digest;
    private final Thread thread;
    private long limit;
    private boolean ended;
    private boolean abandoned;
    private volatile Throwable failure;

    TrailingHasher(FileChannel file, MessageDigest digest) {
        this.file = file;
        this.digest = digest;
        this.thread = new Thread(this::run, "avatarkit-local-hash");
        thread.setDaemon(true);
        thread.start();
    }

    /** The first {@code end} bytes of the file are written and may be hashed. */
    synchronized void hashUpTo(long end) {
        limit = Math.max(limit, end);
        notifyAll();
    }

    /** Waits until everything announced is hashed: the digest is then complete. */
    void finish() throws IOException {
        stop(false);
        if (failure != null) throw new IOException("hashing failed: " + failure.getMessage(), failure);
    }

    /** After a failure elsewhere: stops without hashing the rest. */
    @Override
    public void close() {
        stop(true);
    }

    private void stop(boolean abandon) {
        synchronized (this) {
            if (!ended) abandoned = abandon;
            ended = true;
            notifyAll();
        }
        boolean interrupted = false;
        while (thread.isAlive()) {
            try {
                thread.join();
            } catch (InterruptedException e) {
                interrupted = true; // at most one chunk is being hashed: the thread ends within milliseconds
            }
        }
        if (interrupted) Thread.currentThread().interrupt();
    }

    private void run() {
        ByteBuffer buffer = ByteBuffer.allocateDirect(CHUNK);
        long position = 0;
        try {
            while (true) {
                long target = awaitWork(position);
                if (target < 0) return;
                position = hashRange(file, position, target, buffer, digest);
            }
        } catch (IOException | RuntimeException | Error e) {
            failure = e;
        }
    }

    /** The next end to hash up to, or -1 when there is nothing more to do. */
    private synchronized long awaitWork(long position) {
        while (position >= limit && !ended) {
            try {
                wait();
            } catch (InterruptedException e) {
                // Only stop() ends this thread, so the writer can always count on finish() returning.
            }
        }
        if (abandoned || position >= limit) return -1;
        return limit;
    }

    /** Feeds {@code [from, to)} of {@code file} to {@code digest}; returns {@code to}. */
    static long hashRange(FileChannel file, long from, long to, ByteBuffer buffer, MessageDigest digest)
            throws IOException {
        long position = from;
        while (position < to) {
            buffer.clear();
            buffer.limit((int) Math.min(buffer.capacity(), to - position));
            int n = file.read(buffer, position);
            if (n <= 0) throw new IOException("the file ends at " + position + ", " + to + " bytes were written");
            buffer.flip();
            digest.update(buffer);
            position += n;
        }
        return position;
    }
}
