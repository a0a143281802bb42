package dev.avatarkit.testkit.store;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.avatarkit.core.domain.AssetKey;
import dev.avatarkit.core.domain.JobId;
import dev.avatarkit.core.domain.ValidationException;
import dev.avatarkit.core.port.AssetStore;
import dev.avatarkit.core.port.Page;
import dev.avatarkit.core.port.PutOptions;
import dev.avatarkit.core.port.StorageException;
import dev.avatarkit.core.port.StoredObject;
import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HexFormat;
import java.util.List;
import java.util.Random;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/**
 * The {@link AssetStore} contract: every implementation (and the in-memory fake) extends this and passes it.
 * Objects written by one test are not visible to another: {@link #newStore()} must return an empty store.
 */
public abstract class AssetStoreContract {
    protected static final PutOptions MP4 =
            new PutOptions("video/mp4", JobId.next(Instant.parse("2026-01-01T00:00:00Z")));
    protected AssetStore store;

    /** Where the {@code put(key, Path, options)} tests keep their source files. */
    @TempDir
    protected Path sourceFiles;

    /** A new, empty store. */
    protected abstract AssetStore newStore();

    @BeforeEach
    void createStore() {
        store = newStore();
    }

    @Test
    void givenBytes_whenPutThenOpen_thenSameBytesAndSha256AndSize() throws IOException {
        byte[] bytes = randomBytes(300_000, 1);
        StoredObject put = store.put(key("videos/a/video.mp4"), new ByteArrayInputStream(bytes), MP4);

        assertThat(put.key()).isEqualTo(key("videos/a/video.mp4"));
        assertThat(put.size()).isEqualTo(bytes.length);
        assertThat(put.sha256()).isEqualTo(sha256(bytes));
        assertThat(put.contentType()).isEqualTo("video/mp4");
        assertThat(put.uri()).isNotNull();
        assertThat(put.createdAt()).isNotNull();
        assertThat(readAll(store.open(key("videos/a/video.mp4")))).isEqualTo(bytes);
    }

    @Test
    void givenPutObject_whenStat_thenSameSizeShaAndType() {
        byte[] bytes = "hello".getBytes(StandardCharsets.UTF_8);
        StoredObject put =
                store.put(key("a/b.txt"), new ByteArrayInputStream(bytes), new PutOptions("text/plain", null));

        StoredObject stat = store.stat(key("a/b.txt")).orElseThrow();
        assertThat(stat.size()).isEqualTo(5);
        assertThat(stat.sha256()).isEqualTo(put.sha256()).isEqualTo(sha256(bytes));
        assertThat(stat.contentType()).startsWith("text/plain");
        assertThat(stat.uri()).isEqualTo(put.uri());
        assertThat(store.exists(key("a/b.txt"))).isTrue();
    }

    @Test
    void givenEmptyBody_whenPut_thenEmptyObject() throws IOException {
        StoredObject put = store.put(key("empty.bin"), InputStream.nullInputStream(), MP4);

        assertThat(put.size()).isZero();
        assertThat(put.sha256()).isEqualTo(sha256(new byte[0]));
        assertThat(readAll(store.open(key("empty.bin")))).isEmpty();
    }

    @Test
    void givenExistingKey_whenPutAgain_thenReplaced() throws IOException {
        store.put(key("x/y.bin"), new ByteArrayInputStream(randomBytes(1000, 2)), MP4);
        byte[] second = randomBytes(10, 3);

        StoredObject put = store.put(key("x/y.bin"), new ByteArrayInputStream(second), MP4);

        assertThat(put.size()).isEqualTo(10);
        assertThat(readAll(store.open(key("x/y.bin")))).isEqualTo(second);
        assertThat(store.stat(key("x/y.bin")).orElseThrow().sha256()).isEqualTo(sha256(second));
        assertThat(keys(store.list("x/", null, 10))).containsExactly("x/y.bin");
    }

    @Test
    void givenMissingKey_whenOpenStatExists_thenNotFoundEmptyFalse() {
        assertThatThrownBy(() -> store.open(key("missing/video.mp4")))
                .isInstanceOfSatisfying(
                        StorageException.class,
                        e -> assertThat(e.reason()).isEqualTo(StorageException.Reason.NOT_FOUND))
                .hasMessageContaining("missing/video.mp4");
        assertThat(store.stat(key("missing/video.mp4"))).isEmpty();
        assertThat(store.exists(key("missing/video.mp4"))).isFalse();
    }

    @Test
    void givenObject_whenOpenAtOffset_thenRemainingBytes() throws IOException {
        byte[] bytes = randomBytes(100_000, 4);
        store.put(key("r/range.bin"), new ByteArrayInputStream(bytes), MP4);

        assertThat(readAll(store.open(key("r/range.bin"), 0))).isEqualTo(bytes);
        assertThat(readAll(store.open(key("r/range.bin"), 99_990)))
                .isEqualTo(java.util.Arrays.copyOfRange(bytes, 99_990, 100_000));
        assertThat(readAll(store.open(key("r/range.bin"), 100_000))).isEmpty();
        assertThatThrownBy(() -> store.open(key("r/range.bin"), -1)).isInstanceOf(ValidationException.class);
        assertThatThrownBy(() -> readAll(store.open(key("r/range.bin"), 100_001)))
                .isInstanceOf(ValidationException.class)
                .hasMessageContaining("offset");
    }

    @Test
    void givenLocalFileOfSeveralMiB_whenPutPath_thenSameBytesSha256AndSize() throws IOException {
        // 12 MiB and a few bytes: several chunks of the local copy, several parts of an S3 multipart put
        byte[] bytes = randomBytes(12 * 1024 * 1024 + 7, 6);
        Path file = Files.write(sourceFiles.resolve("source.mp4"), bytes);

        StoredObject put = store.put(key("videos/f/video.mp4"), file, MP4);

        assertThat(put.size()).isEqualTo(bytes.length);
        assertThat(put.sha256()).isEqualTo(sha256(bytes));
        assertThat(put.contentType()).isEqualTo("video/mp4");
        assertThat(store.stat(key("videos/f/video.mp4")).orElseThrow().sha256()).isEqualTo(sha256(bytes));
        assertThat(readAll(store.open(key("videos/f/video.mp4")))).isEqualTo(bytes);
        assertThat(file).as("the source is left in place").hasBinaryContent(bytes);
    }

    @Test
    void givenEmptyFile_whenPutPath_thenEmptyObject() throws IOException {
        Path file = Files.write(sourceFiles.resolve("empty.bin"), new byte[0]);

        StoredObject put = store.put(key("empty-file.bin"), file, MP4);

        assertThat(put.size()).isZero();
        assertThat(put.sha256()).isEqualTo(sha256(new byte[0]));
        assertThat(readAll(store.open(key("empty-file.bin")))).isEmpty();
    }

    @Test
    void givenMissingFile_whenPutPath_thenSourceFailedAndOldObjectKept() throws IOException {
        byte[] old = randomBytes(3000, 7);
        store.put(key("f/kept.mp4"), new ByteArrayInputStream(old), MP4);

        assertThatThrownBy(() -> store.put(key("f/kept.mp4"), sourceFiles.resolve("missing.mp4"), MP4))
                .isInstanceOfSatisfying(
                        StorageException.class,
                        e -> assertThat(e.reason()).isEqualTo(StorageException.Reason.SOURCE_FAILED));

        assertThat(readAll(store.open(key("f/kept.mp4")))).isEqualTo(old);
        assertThat(keys(store.list("", null, 100))).containsExactly("f/kept.mp4");
    }

    @Test
    void givenKeys_whenList_thenOrderedByKeyUnderPrefix() {
        // '-' < '.' < '/' < '0' < 'A' < '_' < 'a': directory-style backends must still sort by the full key.
        for (String k : List.of("a/b", "a.b", "a-b", "a/a/z", "a0", "aa", "b/c", "A")) {
            store.put(key(k), new ByteArrayInputStream(k.getBytes(StandardCharsets.UTF_8)), MP4);
        }

        assertThat(keys(store.list("", null, 100)))
                .containsExactly("A", "a-b", "a.b", "a/a/z", "a/b", "a0", "aa", "b/c");
        assertThat(keys(store.list("a/", null, 100))).containsExactly("a/a/z", "a/b");
        assertThat(keys(store.list("a", null, 100))).containsExactly("a-b", "a.b", "a/a/z", "a/b", "a0", "aa");
        assertThat(keys(store.list("a/a", null, 100))).containsExactly("a/a/z");
        assertThat(keys(store.list("zzz", null, 100))).isEmpty();
        StoredObject listed = store.list("b/", null, 10).items().get(0);
        assertThat(listed.size()).isEqualTo(3);
        assertThat(listed.uri()).isEqualTo(store.stat(key("b/c")).orElseThrow().uri());
        // Some backends (S3) cannot list sha256 cheaply; when they do give it, it must be right.
        if (listed.sha256() != null)
            assertThat(listed.sha256()).isEqualTo(sha256("b/c".getBytes(StandardCharsets.UTF_8)));
    }

    @Test
    void givenManyKeys_whenListPaged_thenEveryKeyOnceInOrder() {
        List<String> expected = new ArrayList<>();
        for (int i = 0; i < 23; i++) {
            String k = String.format("p/%02d/v.mp4", i);
            expected.add(k);
            store.put(key(k), new ByteArrayInputStream(new byte[] {(byte) i}), MP4);
        }
        store.put(key("q/outside.mp4"), new ByteArrayInputStream(new byte[1]), MP4);

        List<String> seen = new ArrayList<>();
        String cursor = null;
        int pages = 0;
        do {
            Page<StoredObject> page = store.list("p/", cursor, 5);
            assertThat(page.items()).hasSizeLessThanOrEqualTo(5);
            seen.addAll(keys(page));
            cursor = page.nextToken();
            pages++;
        } while (cursor != null);

        assertThat(seen).containsExactlyElementsOf(expected);
        assertThat(pages).isEqualTo(5);
        assertThat(keys(store.list("p/", "p/20/v.mp4", 5))).containsExactly("p/21/v.mp4", "p/22/v.mp4");
        assertThat(store.list("p/", "p/20/v.mp4", 5).hasMore()).isFalse();
    }

    @ParameterizedTest
    @ValueSource(ints = {0, -1, 1001})
    void givenBadLimit_whenList_thenValidationError(int limit) {
        assertThatThrownBy(() -> store.list("", null, limit)).isInstanceOf(ValidationException.class);
    }

    @Test
    void givenObject_whenDeleteTwice_thenTrueThenFalse() {
        store.put(key("d/x.bin"), new ByteArrayInputStream(new byte[] {1, 2}), MP4);

        assertThat(store.delete(key("d/x.bin"))).isTrue();
        assertThat(store.delete(key("d/x.bin"))).isFalse();
        assertThat(store.exists(key("d/x.bin"))).isFalse();
        assertThat(keys(store.list("d/", null, 10))).isEmpty();
        assertThat(store.delete(key("never/there.bin"))).isFalse();
    }

    @Test
    void givenFailingSource_whenPut_thenSourceFailedAndNothingVisible() {
        assertThatThrownBy(() -> store.put(key("f/broken.mp4"), failingAfter(200_000), MP4))
                .isInstanceOfSatisfying(
                        StorageException.class,
                        e -> assertThat(e.reason()).isEqualTo(StorageException.Reason.SOURCE_FAILED));

        assertThat(store.exists(key("f/broken.mp4"))).isFalse();
        assertThat(keys(store.list("", null, 100))).isEmpty();
    }

    @Test
    void givenExistingObject_whenReplaceFails_thenOldObjectStillThere() throws IOException {
        byte[] old = randomBytes(5000, 5);
        store.put(key("f/keep.mp4"), new ByteArrayInputStream(old), MP4);

        assertThatThrownBy(() -> store.put(key("f/keep.mp4"), failingAfter(100_000), MP4))
                .isInstanceOf(StorageException.class);

        assertThat(readAll(store.open(key("f/keep.mp4")))).isEqualTo(old);
        assertThat(store.stat(key("f/keep.mp4")).orElseThrow().sha256()).isEqualTo(sha256(old));
        assertThat(keys(store.list("", null, 100))).containsExactly("f/keep.mp4");
    }

    @ParameterizedTest
    @ValueSource(
            strings = {
                "../etc/passwd",
                "/etc/passwd",
                "a/../../b",
                "a/./b",
                ".hidden",
                "a//b",
                "a/",
                "a\\b",
                "a b",
                "x.tmp",
                "C:/x",
                "a/%2e%2e/b",
                "~/x",
                "a\u0000b",
                "vid\u00e9o"
            })
    void givenHostileKey_whenBuildingAssetKey_thenRejectedBeforeAnyStore(String hostile) {
        assertThatThrownBy(() -> new AssetKey(hostile)).isInstanceOf(ValidationException.class);
    }

    @ParameterizedTest
    @ValueSource(strings = {"../", "..", "/", "/etc", "a/../", "a//", ".meta", "a/.x", "a\\", "a b", "x.tmp/"})
    void givenHostilePrefix_whenList_thenInvalidKey(String hostile) {
        assertThatThrownBy(() -> store.list(hostile, null, 10))
                .isInstanceOfSatisfying(
                        StorageException.class,
                        e -> assertThat(e.reason()).isEqualTo(StorageException.Reason.INVALID_KEY))
                .hasMessageContaining("prefix");
    }

    protected static AssetKey key(String value) {
        return new AssetKey(value);
    }

    protected static List<String> keys(Page<StoredObject> page) {
        return page.items().stream().map(o -> o.key().value()).toList();
    }

    protected static byte[] randomBytes(int size, long seed) {
        byte[] bytes = new byte[size];
        new Random(seed).nextBytes(bytes);
        return bytes;
    }

    protected static byte[] readAll(InputStream in) throws IOException {
        try (in) {
            return in.readAllBytes();
        }
    }

    protected static String sha256(byte[] bytes) {
        try {
            return HexFormat.of().formatHex(MessageDigest.getInstance("SHA-256").digest(bytes));
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
    }

    /** A source that yields {@code goodBytes} bytes, then fails like a dropped download. */
    protected static InputStream failingAfter(int goodBytes) {
        return new InputStream() {
            private int served;

            @Override
            public int read() throws IOException {
                byte[] one = new byte[1];
                return read(one, 0, 1) == -1 ? -1 : one[0] & 0xff;
            }

            @Override
            public int read(byte[] b, int off, int len) throws IOException {
                if (served >= goodBytes) throw new IOException("connection reset by peer (simulated)");
                int n = Math.min(len, goodBytes - served);
                served += n;
                return n;
            }
        };
    }
}
