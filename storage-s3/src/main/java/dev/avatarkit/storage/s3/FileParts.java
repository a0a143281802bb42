package dev.avatarkit.storage.s3;

import java.io.BufferedInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.nio.ByteBuffer;
import java.nio.channels.FileChannel;
import java.security.MessageDigest;
import software.amazon.awssdk.core.sync.RequestBody;

/**
 * Request bodies that read a range of a local file on demand (positional reads on one shared channel), so a put of a
 * file holds no part buffers: the SDK may open the range twice (payload signing, retries) and reads it from the page
 * cache. Each opened stream buffers {@link #READ_BUFFER} bytes, because the HTTP client reads a few KiB at a time.
 */
final class FileParts {
    static final int READ_BUFFER = 256 * 1024;

    private FileParts() {}

    static RequestBody body(FileChannel file, long from, long length, String contentType) {
        return RequestBody.fromContentProvider(
                () -> new BufferedInputStream(new Range(file, from, from + length), READ_BUFFER), length, contentType);
    }

    /** Feeds {@code [from, from + length)} of the file to the digest through {@code buffer}. */
    static void hash(FileChannel file, long from, long length, ByteBuffer buffer, MessageDigest digest)
            throws IOException {
        long position = from;
        long end = from + length;
        while (position < end) {
            buffer.clear();
            buffer.limit((int) Math.min(buffer.capacity(), end - position));
            int n = file.read(buffer, position);
            if (n <= 0) throw new IOException("the file shrank while it was put: it ends at " + position);
            buffer.flip();
            digest.update(buffer);
            position += n;
        }
    }

    /** One range of the file as a stream; closing it leaves the shared channel open. */
    private static final class Range extends InputStream {
        private final FileChannel file;
        private final long end;
        private long position;

        Range(FileChannel file, long from, long end) {
            this.file = file;
            this.position = from;
            this.end = end;
        }

        @Override
        public int read() throws IOException {
            byte[] one = new byte[1];
            return read(one, 0, 1) < 0 ? -1 : one[0] & 0xff;
        }

        @Override
        public int read(byte[] buffer, int offset, int length) throws IOException {
            if (length == 0) return 0;
            if (position >= end) return -1;
            int n = file.read(ByteBuffer.wrap(buffer, offset, (int) Math.min(length, end - position)), position);
            if (n < 0) throw new IOException("the file shrank while it was put: it ends at " + position);
            position += n;
            return n;
        }
    }
}
