package dev.avatarkit.storage.local;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.ByteBuffer;
import java.nio.channels.FileChannel;
import java.nio.channels.ReadableByteChannel;
import java.security.MessageDigest;
import java.util.function.Supplier;

/**
 * Copies a stream into a file and hashes it, with the hashing moved off the calling thread so a big put costs about
 * the read + write, not read + write + SHA-256 (issue 17). The calling thread reads and writes {@link #CHUNK}-sized
 * chunks; a {@link BackgroundHasher} hashes them behind it. Into a file opened for direct writes the calling thread
 * only reads; a writer thread writes each chunk and passes it on to the hasher. A source that fits in one chunk is
 * handled inline: no thread for small objects. Memory: {@link #BUFFERS} × {@link #CHUNK} ({@link #DIRECT_BUFFERS} ×
 * off-heap for direct writes). Tried and dropped (measured, bench/README): fdatasync from a second thread every 64 or
 * 256 MiB to start writeback early — it more than doubled the kernel time of the writes (sys 0.65 s → 1.5–2.9 s per
 * GiB here), far more than the final fsync it saves (~0.4 s).
 */
final class OverlappedCopy {
    static final int CHUNK = 1024 * 1024;
    static final int BUFFERS = 4;
    /**
     * Direct writes wait for the device now and then (the writer lags, then catches up): a deeper pool keeps the
     * reader going meanwhile. Off-heap. 1 GiB download, 11 A/B pairs at load 5-8: 8 buffers faster than 4 in 10
     * (e.g. 0.911 against 1.063 s, medians of the first 5); 16 no better than 8.
     */
    static final int DIRECT_BUFFERS = 8;

    private OverlappedCopy() {}

    /** Returns the number of bytes copied; {@code digest} has seen exactly them, in order. Does not force. */
    static long copy(InputStream in, FileChannel out, MessageDigest digest) throws IOException {
        return copy(buffer -> fill(in, buffer), () -> ByteBuffer.allocate(CHUNK), 1, out, digest);
    }

    /**
     * The same from a channel, through direct buffers: the source copies into them and the file write takes them as
     * they are, where a heap buffer costs one more copy per byte on each side (issue 17).
     */
    static long copy(ReadableByteChannel in, FileChannel out, MessageDigest digest) throws IOException {
        return copy(buffer -> fill(in, buffer), () -> ByteBuffer.allocateDirect(CHUNK), 1, out, digest);
    }

    /**
     * The same into a file opened for direct writes ({@link DirectWrites}): the buffers are aligned, the last chunk
     * is written padded to {@code alignment} and the file then cut back to the size. Does not force.
     */
    static long copyDirect(ReadableByteChannel in, FileChannel out, int alignment, MessageDigest digest)
            throws IOException {
        long size =
                copy(buffer -> fill(in, buffer), () -> DirectWrites.allocate(CHUNK, alignment), alignment, out, digest);
        out.truncate(size);
        return size;
    }

    /** Fills a buffer until it is full or the source ends. */
    private interface Source {
        void fill(ByteBuffer buffer) throws AtomicFiles.SourceFailure;
    }

    private static long copy(
            Source in, Supplier<ByteBuffer> allocate, int alignment, FileChannel out, MessageDigest digest)
            throws IOException {
        ByteBuffer buffer = allocate.get();
        int n = next(in, buffer);
        if (n < CHUNK) {
            write(out, buffer, alignment);
            digest.update(buffer.rewind());
            return n;
        }
        // A direct write waits for the device: on a thread of its own it overlaps the next read and the hash of the
        // chunk before (1 GiB download at load 8-11, write then hash on the hasher's thread: 1.84 s against 2.30 s
        // with the write on this thread, median of 6 pairs; but put(key, Path), whose reads are fast, lost 0.4 s).
        boolean behind = alignment > 1;
        BackgroundHasher.Sink sink = behind ? bytes -> write(out, bytes, alignment) : null;
        try (BackgroundHasher hasher =
                new BackgroundHasher(digest, behind ? DIRECT_BUFFERS : BUFFERS, allocate, sink)) {
            long size = 0;
            while (n > 0) {
                if (!behind) write(out, buffer, alignment);
                size += n;
                hasher.hash(buffer.rewind());
                if (n < CHUNK) break;
                buffer = hasher.take();
                n = next(in, buffer);
            }
            hasher.finish();
            return size;
        }
    }

    /** Fills the (cleared) buffer and flips it; returns how many bytes it holds. */
    private static int next(Source in, ByteBuffer buffer) throws AtomicFiles.SourceFailure {
        in.fill(buffer);
        buffer.flip();
        return buffer.remaining();
    }

    /**
     * Writes the buffer's bytes, padded to a multiple of {@code alignment} with whatever the buffer holds past them
     * (the caller truncates them off), and leaves the buffer's limit where it was.
     */
    private static void write(FileChannel out, ByteBuffer buffer, int alignment) throws IOException {
        int end = buffer.limit();
        buffer.limit(DirectWrites.roundUp(end, alignment));
        while (buffer.hasRemaining()) out.write(buffer);
        buffer.limit(end);
    }

    /**
     * Reads until the buffer is full or the source ends (network sources hand out a few KiB per read). Not
     * {@code readNBytes}: subclasses such as {@code ByteArrayInputStream} override it with a single read.
     */
    private static void fill(InputStream in, ByteBuffer buffer) throws AtomicFiles.SourceFailure {
        byte[] array = buffer.array();
        try {
            for (int n;
                    buffer.hasRemaining()
                            && (n = in.read(array, buffer.arrayOffset() + buffer.position(), buffer.remaining()))
                                    != -1; ) {
                buffer.position(buffer.position() + n);
            }
        } catch (IOException e) {
            throw new AtomicFiles.SourceFailure(e);
        } catch (UncheckedIOException e) {
            throw new AtomicFiles.SourceFailure(e.getCause());
        }
    }

    private static void fill(ReadableByteChannel in, ByteBuffer buffer) throws AtomicFiles.SourceFailure {
        try {
            while (buffer.hasRemaining() && in.read(buffer) != -1) {
                // a blocking channel returns at least one byte per read until its end
            }
        } catch (IOException e) {
            throw new AtomicFiles.SourceFailure(e);
        } catch (UncheckedIOException e) {
            throw new AtomicFiles.SourceFailure(e.getCause());
        }
    }
}
