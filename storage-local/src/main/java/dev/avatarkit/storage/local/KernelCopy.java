package dev.avatarkit.storage.local;

import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.channels.FileChannel;
import java.security.MessageDigest;

/**
 * Copies a local file into a temp file without passing the bytes through the JVM: {@link FileChannel#transferTo}
 * is a kernel-side copy on Linux (sendfile), where a Java read/write loop copies every byte four times (bench/README,
 * issue 17). A {@link TrailingHasher} hashes what has landed in the temp on a second thread, {@link #STEP} behind at
 * most. A file of one step or less is copied, then hashed, on the calling thread: no thread for small files.
 * Since direct writes ({@link DirectWrites}) this is the path for small files and for file systems that refuse them.
 */
final class KernelCopy {
    static final long STEP = 8L * 1024 * 1024;

    private KernelCopy() {}

    /**
     * Copies the {@code source}'s current size into {@code out} (opened for reading too) and hashes the copy; returns
     * the number of bytes. Does not force.
     */
    static long copy(FileChannel source, FileChannel out, MessageDigest digest) throws IOException {
        long size = source.size();
        if (size <= STEP) {
            transfer(source, 0, size, out);
            ByteBuffer buffer = ByteBuffer.allocate((int) Math.min(size, TrailingHasher.CHUNK));
            return TrailingHasher.hashRange(out, 0, size, buffer, digest);
        }
        try (TrailingHasher hasher = new TrailingHasher(out, digest)) {
            long copied = 0;
            while (copied < size) {
                copied = transfer(source, copied, Math.min(STEP, size - copied), out);
                hasher.hashUpTo(copied);
            }
            hasher.finish();
            return copied;
        }
    }

    /** Transfers {@code [from, from + count)}; returns the end. transferTo may move less than asked per call. */
    private static long transfer(FileChannel source, long from, long count, FileChannel out) throws IOException {
        long position = from;
        long end = from + count;
        while (position < end) {
            long n = source.transferTo(position, end - position, out);
            if (n <= 0) {
                throw new AtomicFiles.SourceFailure(new IOException(
                        "the file shrank while it was put: it ends at " + position + ", expected " + end + " bytes"));
            }
            position += n;
        }
        return position;
    }
}
