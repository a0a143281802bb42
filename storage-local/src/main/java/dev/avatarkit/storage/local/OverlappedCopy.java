package dev.avatarkit.storage.local;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.ByteBuffer;
import java.nio.channels.FileChannel;
import java.security.MessageDigest;

/**
 * Copies a stream into a file and hashes it, with the hashing moved off the calling thread so a big put costs about
 * the read + write, not read + write + SHA-256 (issue 17). The calling thread reads and writes {@link #CHUNK}-sized
 * chunks; a {@link BackgroundHasher} hashes them behind it. A source that fits in one chunk is handled inline: no
 * thread for small objects. Heap: {@link #BUFFERS} × {@link #CHUNK}. Tried and dropped (measured, bench/README):
 * fdatasync from a second thread every 64 or 256 MiB to start writeback early — it more than doubled the kernel
 * time of the writes (sys 0.65 s → 1.5–2.9 s per GiB here), far more than the final fsync it saves (~0.4 s).
 */
final class OverlappedCopy {
    static final int CHUNK = 1024 * 1024;
    static final int BUFFERS = 4;

    private OverlappedCopy() {}

    /** Returns the number of bytes copied; {@code digest} has seen exactly them, in order. Does not force. */
    static long copy(InputStream in, FileChannel out, MessageDigest digest) throws IOException {
        byte[] buffer = new byte[CHUNK];
        int n = fill(in, buffer);
        if (n < CHUNK) {
            digest.update(buffer, 0, n);
            write(out, buffer, n);
            return n;
        }
        try (BackgroundHasher hasher = new BackgroundHasher(digest, buffer, BUFFERS)) {
            long size = 0;
            while (n > 0) {
                write(out, buffer, n);
                size += n;
                hasher.hash(buffer, n);
                if (n < CHUNK) break;
                buffer = hasher.take();
                n = fill(in, buffer);
            }
            hasher.finish();
            return size;
        }
    }

    private static void write(FileChannel out, byte[] buffer, int length) throws IOException {
        ByteBuffer bytes = ByteBuffer.wrap(buffer, 0, length);
        while (bytes.hasRemaining()) out.write(bytes);
    }

    /**
     * Reads until the buffer is full or the source ends (network sources hand out a few KiB per read). Not
     * {@code readNBytes}: subclasses such as {@code ByteArrayInputStream} override it with a single read.
     */
    private static int fill(InputStream in, byte[] buffer) throws AtomicFiles.SourceFailure {
        int filled = 0;
        try {
            for (int n; filled < buffer.length && (n = in.read(buffer, filled, buffer.length - filled)) != -1; ) {
                filled += n;
            }
            return filled;
        } catch (IOException e) {
            throw new AtomicFiles.SourceFailure(e);
        } catch (UncheckedIOException e) {
            throw new AtomicFiles.SourceFailure(e.getCause());
        }
    }
}
