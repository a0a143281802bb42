package dev.avatarkit.storage.local;

import com.sun.nio.file.ExtendedOpenOption;
import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.channels.FileChannel;
import java.nio.file.FileAlreadyExistsException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;

/**
 * Creates a temp for direct writes (O_DIRECT on Linux): the bytes go from our buffer to the device, not through the
 * page cache. Why (issue 17, bench/results/download-breakdown-*): on this machine a GiB written through the page
 * cache cost 1.3–2.9 s of kernel time (page allocation, dirty throttling, writeback at the fsync), the same GiB
 * written direct in 1 MiB steps 0.5 s, with almost no CPU — and CPU is what a download shares with the hasher.
 * The fsync of the file and of its directory stays: a direct write does not flush the device's cache nor the
 * file's metadata. Direct writes need the buffer address, the file position and the length aligned to the file
 * system's block size; a file system that refuses them (tmpfs before Linux 6.6, some FUSE) gets the buffered path.
 */
final class DirectWrites {
    private DirectWrites() {}

    /** An open, new temp file and the alignment its writes need. */
    record Temp(FileChannel channel, int alignment) {}

    /**
     * Creates {@code temp} for direct writes of {@code chunk}-sized buffers, or returns null when this file system
     * (or platform) does not take them; a half-created temp is removed then. An existing file is never touched.
     */
    static Temp create(Path temp, int chunk) throws IOException {
        int alignment;
        try {
            alignment = (int) Files.getFileStore(temp.getParent()).getBlockSize();
        } catch (IOException | UnsupportedOperationException e) {
            return null;
        }
        if (alignment <= 0 || chunk % alignment != 0) return null;
        try {
            FileChannel channel = FileChannel.open(
                    temp, StandardOpenOption.CREATE_NEW, StandardOpenOption.WRITE, ExtendedOpenOption.DIRECT);
            return new Temp(channel, alignment);
        } catch (FileAlreadyExistsException e) {
            throw e; // not ours to remove
        } catch (IOException | UnsupportedOperationException e) {
            // Linux creates the file before it refuses O_DIRECT (EINVAL): the buffered open must find it gone.
            Files.deleteIfExists(temp);
            return null;
        }
    }

    /** A direct buffer of {@code size} bytes whose address is a multiple of {@code alignment}. */
    static ByteBuffer allocate(int size, int alignment) {
        return ByteBuffer.allocateDirect(size + alignment)
                .alignedSlice(alignment)
                .limit(size)
                .slice();
    }

    /** {@code n} rounded up to a multiple of {@code alignment}. */
    static int roundUp(int n, int alignment) {
        return (n + alignment - 1) / alignment * alignment;
    }
}
