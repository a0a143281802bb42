package dev.avatarkit.storage.local;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.nio.ByteBuffer;
import java.nio.channels.Channels;
import java.nio.channels.FileChannel;
import java.nio.channels.ReadableByteChannel;
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

    @ParameterizedTest
    @ValueSource(ints = {0, 1, CHUNK - 1, CHUNK, CHUNK + 1, 5 * CHUNK + 7})
    void givenAChannelOfAnySize_whenCopied_thenFileAndDigestEqualThePlainOnes(int size) throws Exception {
        byte[] content = random(size);
        MessageDigest digest = AtomicFiles.sha256();
        Path file = tmp.resolve("out");

        long copied;
        try (FileChannel out = FileChannel.open(file, StandardOpenOption.CREATE_NEW, StandardOpenOption.WRITE)) {
            copied = OverlappedCopy.copy(Channels.newChannel(new TrickleStream(content)), out, digest);
        }

        assertThat(copied).isEqualTo(size);
        assertThat(Files.readAllBytes(file)).isEqualTo(content);
        assertThat(digest.digest()).isEqualTo(AtomicFiles.sha256().digest(content));
    }

    @ParameterizedTest
    @ValueSource(ints = {0, 1, 4095, 4097, CHUNK - 1, CHUNK, CHUNK + 1, 5 * CHUNK + 7})
    void givenAChannelOfAnySize_whenCopiedDirect_thenFileAndDigestEqualThePlainOnes(int size) throws Exception {
        byte[] content = random(size);
        MessageDigest digest = AtomicFiles.sha256();
        Path file = tmp.resolve("out");
        DirectWrites.Temp temp = DirectWrites.create(file, CHUNK);
        assumeTrue(temp != null, "this file system does not take O_DIRECT");

        long copied;
        try (FileChannel out = temp.channel()) {
            copied = OverlappedCopy.copyDirect(
                    Channels.newChannel(new TrickleStream(content)), out, temp.alignment(), digest);
        }

        assertThat(copied).isEqualTo(size);
        assertThat(Files.readAllBytes(file)).isEqualTo(content);
        assertThat(digest.digest()).isEqualTo(AtomicFiles.sha256().digest(content));
    }

    @Test
    void givenAStreamThatIsAlsoAChannel_whenWritten_thenReadAsAChannel() throws Exception {
        byte[] content = random(3 * CHUNK + 11);
        MessageDigest digest = AtomicFiles.sha256();
        Path temp = AtomicFiles.tempFor(tmp.resolve("video.mp4"));

        long size;
        try {
            size = AtomicFiles.writeTemp(temp, new ChannelOnlyStream(content), digest);
        } finally {
            AtomicFiles.forgetTemp(temp);
        }

        assertThat(size).isEqualTo(content.length);
        assertThat(digest.digest()).isEqualTo(AtomicFiles.sha256().digest(content));
    }

    @Test
    void givenAChannelFailingAfterSomeChunks_thenSourceFailure() throws Exception {
        InputStream failing = failingAfter(3 * CHUNK + 5);
        try (FileChannel out =
                FileChannel.open(tmp.resolve("out"), StandardOpenOption.CREATE_NEW, StandardOpenOption.WRITE)) {
            assertThatThrownBy(() -> OverlappedCopy.copy(Channels.newChannel(failing), out, AtomicFiles.sha256()))
                    .isInstanceOf(AtomicFiles.SourceFailure.class)
                    .hasMessageContaining("connection reset");
        }
    }

    @Test
    void givenSourceFailingAfterSomeChunks_thenSourceFailureAndNoThreadLeftBehind() throws Exception {
        InputStream failing = failingAfter(3 * CHUNK + 5);
        try (FileChannel out =
                FileChannel.open(tmp.resolve("out"), StandardOpenOption.CREATE_NEW, StandardOpenOption.WRITE)) {
            assertThatThrownBy(() -> OverlappedCopy.copy(failing, out, AtomicFiles.sha256()))
                    .isInstanceOf(AtomicFiles.SourceFailure.class)
                    .hasMessageContaining("connection reset");
        }

        assertThat(Thread.getAllStackTraces().keySet())
                .noneMatch(t -> t.getName().startsWith("avatarkit-local-"));
    }

    private static InputStream failingAfter(int goodBytes) {
        return new java.io.SequenceInputStream(new ByteArrayInputStream(random(goodBytes)), new InputStream() {
            @Override
            public int read() throws IOException {
                throw new IOException("connection reset");
            }
        });
    }

    static byte[] random(int size) {
        byte[] bytes = new byte[size];
        new Random(size).nextBytes(bytes);
        return bytes;
    }

    /** A stream whose stream reads fail: only its channel side may be used. */
    private static final class ChannelOnlyStream extends InputStream implements ReadableByteChannel {
        private final ReadableByteChannel channel;

        ChannelOnlyStream(byte[] content) {
            this.channel = Channels.newChannel(new TrickleStream(content));
        }

        @Override
        public int read() {
            throw new AssertionError("read as a stream: the channel path was not taken");
        }

        @Override
        public int read(ByteBuffer into) throws IOException {
            return channel.read(into);
        }

        @Override
        public boolean isOpen() {
            return channel.isOpen();
        }
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
