package dev.avatarkit.storage.local;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.nio.channels.FileChannel;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.security.MessageDigest;
import java.util.Random;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/** The overlapped copy writes and hashes exactly what a plain loop would, at every size around the chunk edges. */
class OverlappedCopyTest {
    private static final int CHUNK = OverlappedCopy.CHUNK;

    @TempDir
    Path tmp;

    @ParameterizedTest
    @ValueSource(ints = {0, 1, CHUNK - 1, CHUNK, CHUNK + 1, 2 * CHUNK, 5 * CHUNK + 7, 9 * CHUNK + 3})
    void givenAnySize_whenCopied_thenFileAndDigestEqualThePlainOnes(int size) throws Exception {
        byte[] content = random(size);
        MessageDigest digest = AtomicFiles.sha256();
        Path file = tmp.resolve("out");

        long copied;
        try (FileChannel out = FileChannel.open(file, StandardOpenOption.CREATE_NEW, StandardOpenOption.WRITE)) {
            copied = OverlappedCopy.copy(new TrickleStream(content), out, digest);
        }

        assertThat(copied).isEqualTo(size);
        assertThat(Files.readAllBytes(file)).isEqualTo(content);
        assertThat(digest.digest()).isEqualTo(AtomicFiles.sha256().digest(content));
    }

    @Test
    void givenSourceFailingAfterSomeChunks_thenSourceFailureAndNoThreadLeftBehind() throws Exception {
        InputStream failing =
                new java.io.SequenceInputStream(new ByteArrayInputStream(random(3 * CHUNK + 5)), new InputStream() {
                    @Override
                    public int read() throws IOException {
                        throw new IOException("connection reset");
                    }
                });
        try (FileChannel out =
                FileChannel.open(tmp.resolve("out"), StandardOpenOption.CREATE_NEW, StandardOpenOption.WRITE)) {
            assertThatThrownBy(() -> OverlappedCopy.copy(failing, out, AtomicFiles.sha256()))
                    .isInstanceOf(AtomicFiles.SourceFailure.class)
                    .hasMessageContaining("connection reset");
        }

        assertThat(Thread.getAllStackTraces().keySet())
                .noneMatch(t -> t.getName().startsWith("avatarkit-local-"));
    }

    static byte[] random(int size) {
        byte[] bytes = new byte[size];
        new Random(size).nextBytes(bytes);
        return bytes;
    }

    /** Hands out at most 8 KiB per read, like a network body: chunks must be filled across reads. */
    private static final class TrickleStream extends ByteArrayInputStream {
        TrickleStream(byte[] content) {
            super(content);
        }

        @Override
        public synchronized int read(byte[] b, int off, int len) {
            return super.read(b, off, Math.min(len, 8192));
        }
    }
}
