package dev.avatarkit.storage.local;

import java.io.IOException;
import java.nio.channels.FileChannel;
import java.util.concurrent.Semaphore;

/**
 * Starts writeback while a big file is still being written: a background thread calls {@code fdatasync} each time
 * another {@code every} bytes were written. Linux keeps up to 10 % of RAM dirty before it writes anything back, so
 * without this a 1 GiB put left all of it to the final fsync (~0.45 s here, a third of the put); with it the final
 * fsync only has the tail. {@link #close} reports the first failure: an fsync error is reported only once per file,
 * so it must not be swallowed here or the final force would pass on data that never reached the disk.
 * The thread is never interrupted (that would close the channel); it is stopped by a flag.
 */
final class EarlyWriteback implements AutoCloseable {
    private final FileChannel channel;
    private final long every;
    private final Semaphore requests = new Semaphore(0);
    private final Thread thread;
    private long requestedAt;
    private volatile boolean closed;
    private volatile IOException failure;

    EarlyWriteback(FileChannel channel, long every) {
        this.channel = channel;
        this.every = every;
        this.thread = new Thread(this::run, "avatarkit-local-writeback");
        thread.setDaemon(true);
        thread.start();
    }

    /** Called by the writer with the bytes written so far; asks for a flush each {@code every} bytes, never waits. */
    void written(long total) {
        if (total - requestedAt < every) return;
        requestedAt = total;
        requests.release();
    }

    private void run() {
        while (true) {
            requests.acquireUninterruptibly();
            if (closed) return;
            requests.drainPermits(); // one flush covers every request made while the last one ran
            try {
                channel.force(false);
            } catch (IOException e) {
                failure = e;
                return;
            }
        }
    }

    /** Waits for a running flush to end, then rethrows its failure, if any. */
    @Override
    public void close() throws IOException {
        closed = true;
        requests.release();
        boolean interrupted = false;
        while (thread.isAlive()) {
            try {
                thread.join();
            } catch (InterruptedException e) {
                interrupted = true; // a flush in progress ends by itself, within one fdatasync
            }
        }
        if (interrupted) Thread.currentThread().interrupt();
        if (failure != null) throw failure;
    }
}
