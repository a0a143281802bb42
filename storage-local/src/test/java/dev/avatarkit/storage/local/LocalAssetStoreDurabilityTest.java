package dev.avatarkit.storage.local;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.avatarkit.core.domain.AssetKey;
import dev.avatarkit.core.domain.JobId;
import dev.avatarkit.core.port.PutOptions;
import dev.avatarkit.core.port.StorageException;
import dev.avatarkit.core.port.StoredObject;
import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import java.util.stream.Stream;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Crash safety and the sidecar manifest: what is on disk after a put, a failure or a crash. */
class LocalAssetStoreDurabilityTest {
    private static final Instant NOW = Instant.parse("2026-03-01T10:15:30Z");
    private static final JobId JOB = JobId.next(NOW);
    private static final AssetKey KEY = new AssetKey("videos/" + JOB + "/video.mp4");

    @TempDir
    Path tmp;

    Path root;
    LocalAssetStore store;

    @BeforeEach
    void setUp() {
        root = tmp.resolve("assets");
        store = new LocalAssetStore(new LocalStoreConfig(root), Clock.fixed(NOW, ZoneOffset.UTC));
    }

    @Test
    void givenPut_thenFinalFileAndReadableSidecarAndNoTemps() throws IOException {
        StoredObject put = store.put(KEY, bytes("hello"), new PutOptions("video/mp4", JOB));

        Path file = root.resolve(KEY.value());
        assertThat(file).hasContent("hello");
        assertThat(put.uri()).isEqualTo(file.toUri());
        assertThat(put.uri().getScheme()).isEqualTo("file");
        String manifest = Files.readString(file.resolveSibling(".video.mp4.meta.json"));
        assertThat(manifest)
                .contains(
                        "\"sha256\": \"" + put.sha256() + "\"",
                        "\"size\": 5",
                        "\"contentType\": \"video/mp4\"",
                        "\"sourceJob\": \"" + JOB + "\"",
                        "\"createdAt\": \"2026-03-01T10:15:30Z\"");
        assertThat(hiddenFiles()).containsExactly(".video.mp4.meta.json");
        assertThat(store.list("", null, 10).items())
                .extracting(o -> o.key().value())
                .containsExactly(KEY.value());
    }

    @Test
    void givenADownloadChannelOfAnOddSize_whenPut_thenExactlyItsBytesOnDiskAndNoTemps() throws IOException {
        // not a multiple of the block size: the direct write's padding must be cut off again
        byte[] content = OverlappedCopyTest.random(3 * OverlappedCopy.CHUNK + 4097 + 5);

        StoredObject put = store.put(
                KEY,
                new ChannelStream(java.nio.channels.Channels.newChannel(new ByteArrayInputStream(content))),
                new PutOptions("video/mp4", JOB));

        assertThat(Files.readAllBytes(root.resolve(KEY.value()))).isEqualTo(content);
        assertThat(put.size()).isEqualTo(content.length);
        assertThat(put.sha256())
                .isEqualTo(
                        java.util.HexFormat.of().formatHex(AtomicFiles.sha256().digest(content)));
        assertThat(hiddenFiles()).containsExactly(".video.mp4.meta.json");
    }

    @Test
    void givenADownloadChannelFailingAfterSomeChunks_thenNoFinalFileAndNoTempJunk() {
        InputStream failing = failingAfter(3 * OverlappedCopy.CHUNK + 5);

        assertThatThrownBy(() -> store.put(
                        KEY,
                        new ChannelStream(java.nio.channels.Channels.newChannel(failing)),
                        new PutOptions("video/mp4", JOB)))
                .isInstanceOf(StorageException.class)
                .hasMessageContaining("connection reset");

        assertThat(root.resolve(KEY.value())).doesNotExist();
        assertThat(hiddenFiles()).isEmpty();
    }

    @Test
    void givenFailingSource_thenNoFinalFileAndNoTempJunk() {
        assertThatThrownBy(() -> store.put(KEY, failingAfter(300_000), new PutOptions("video/mp4", JOB)))
                .isInstanceOf(StorageException.class)
                .hasMessageContaining("connection reset");

        assertThat(root.resolve(KEY.value())).doesNotExist();
        assertThat(hiddenFiles()).isEmpty();
    }

    @Test
    void givenTempsLeftByACrash_whenStoreStarts_thenTheyAreRemovedAndNothingIsVisible() throws IOException {
        Path dir = Files.createDirectories(root.resolve("videos/X"));
        Files.writeString(dir.resolve(".video.mp4.0123456789abcdef.tmp"), "half a vid");
        Files.writeString(dir.resolve(".video.mp4.meta.json.0123456789abcdef.tmp"), "{");
        Files.writeString(dir.resolve(".gone.mp4.meta.json"), "{}"); // orphan: object deleted, crash before sidecar

        LocalAssetStore restarted = new LocalAssetStore(new LocalStoreConfig(root));

        assertThat(hiddenFiles()).isEmpty();
        assertThat(dir.resolve("video.mp4")).doesNotExist();
        assertThat(restarted.list("", null, 10).items()).isEmpty();
    }

    @Test
    void givenPutInFlight_whenAnotherStoreStartsOnSameRoot_thenTheTempSurvivesAndThePutCompletes() throws Exception {
        CountDownLatch started = new CountDownLatch(1);
        CountDownLatch release = new CountDownLatch(1);
        InputStream slow = new InputStream() {
            private int state;

            @Override
            public int read() {
                return -1;
            }

            @Override
            public int read(byte[] b, int off, int len) {
                if (state++ == 0) {
                    b[off] = 'x';
                    return 1;
                }
                started.countDown();
                try {
                    release.await(10, TimeUnit.SECONDS);
                } catch (InterruptedException e) {
                    Thread.currentThread().interrupt();
                }
                return -1;
            }
        };
        CompletableFuture<StoredObject> put =
                CompletableFuture.supplyAsync(() -> store.put(KEY, slow, new PutOptions("video/mp4", JOB)));
        assertThat(started.await(10, TimeUnit.SECONDS)).isTrue();

        new LocalAssetStore(new LocalStoreConfig(root));
        assertThat(hiddenFiles()).hasSize(1).allMatch(name -> name.endsWith(".tmp"));
        release.countDown();

        assertThat(put.get(10, TimeUnit.SECONDS).size()).isEqualTo(1);
        assertThat(root.resolve(KEY.value())).hasContent("x");
    }

    @Test
    void givenObjectChangedBehindTheStore_whenStat_thenShaIsRecomputedNotTakenFromTheStaleSidecar() throws IOException {
        store.put(KEY, bytes("old content"), new PutOptions("video/mp4", JOB));
        // What a crash between the object rename and the sidecar rename looks like: new object, old sidecar.
        Files.writeString(root.resolve(KEY.value()), "new, longer content");

        StoredObject stat = store.stat(KEY).orElseThrow();

        assertThat(stat.size()).isEqualTo(19);
        assertThat(stat.sha256()).isEqualTo(sha256Hex("new, longer content"));
        assertThat(stat.contentType()).isEqualTo("video/mp4");
    }

    @Test
    void givenSidecarDeletedByHand_whenStat_thenStillDescribedFromTheFile() throws IOException {
        store.put(KEY, bytes("abc"), new PutOptions("video/mp4", JOB));
        Files.delete(root.resolve(KEY.value()).resolveSibling(".video.mp4.meta.json"));

        StoredObject stat = store.stat(KEY).orElseThrow();

        assertThat(stat.sha256()).isEqualTo(sha256Hex("abc"));
        assertThat(stat.contentType()).isEqualTo("application/octet-stream");
    }

    @Test
    void givenDelete_thenSidecarGoesToo() {
        store.put(KEY, bytes("abc"), new PutOptions("video/mp4", JOB));

        assertThat(store.delete(KEY)).isTrue();

        assertThat(hiddenFiles()).isEmpty();
    }

    @Test
    void givenKeyThatIsADirectory_whenOpenOrDelete_thenNotFoundAndFalse() {
        store.put(new AssetKey("a/b.bin"), bytes("abc"), new PutOptions("video/mp4", null));

        assertThatThrownBy(() -> store.open(new AssetKey("a"), 0))
                .isInstanceOfSatisfying(
                        StorageException.class,
                        e -> assertThat(e.reason()).isEqualTo(StorageException.Reason.NOT_FOUND));
        assertThat(store.stat(new AssetKey("a"))).isEmpty();
        assertThat(store.delete(new AssetKey("a"))).isFalse();
    }

    private List<String> hiddenFiles() {
        try (Stream<Path> files = Files.walk(root)) {
            return files.filter(Files::isRegularFile)
                    .map(p -> p.getFileName().toString())
                    .filter(n -> n.startsWith("."))
                    .sorted()
                    .toList();
        } catch (IOException e) {
            throw new AssertionError(e);
        }
    }

    private static ByteArrayInputStream bytes(String s) {
        return new ByteArrayInputStream(s.getBytes(StandardCharsets.UTF_8));
    }

    private static String sha256Hex(String s) {
        try {
            return java.util.HexFormat.of()
                    .formatHex(java.security.MessageDigest.getInstance("SHA-256")
                            .digest(s.getBytes(StandardCharsets.UTF_8)));
        } catch (java.security.NoSuchAlgorithmException e) {
            throw new AssertionError(e);
        }
    }

    private static InputStream failingAfter(int good) {
        return new InputStream() {
            private int served;

            @Override
            public int read() throws IOException {
                return read(new byte[1], 0, 1);
            }

            @Override
            public int read(byte[] b, int off, int len) throws IOException {
                if (served >= good) throw new IOException("connection reset (simulated)");
                int n = Math.min(len, good - served);
                served += n;
                return n;
            }
        };
    }

    /** A stream that is also a channel, as the providers' downloads are; reads it as a stream fail the test. */
    private static final class ChannelStream extends InputStream implements java.nio.channels.ReadableByteChannel {
        private final java.nio.channels.ReadableByteChannel channel;

        ChannelStream(java.nio.channels.ReadableByteChannel channel) {
            this.channel = channel;
        }

        @Override
        public int read() {
            throw new AssertionError("read as a stream: the channel path was not taken");
        }

        @Override
        public int read(java.nio.ByteBuffer into) throws IOException {
            return channel.read(into);
        }

        @Override
        public boolean isOpen() {
            return channel.isOpen();
        }
    }
}
