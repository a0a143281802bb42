package dev.avatarkit.storage.local;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.avatarkit.core.domain.AssetKey;
import dev.avatarkit.core.port.PutOptions;
import dev.avatarkit.core.port.StorageException;
import dev.avatarkit.core.port.StorageException.Reason;
import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import org.assertj.core.api.ThrowableAssert.ThrowingCallable;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/** Defence in depth: even keys the grammar would let through must not reach outside the root. */
class LocalAssetStoreSafetyTest {
    private static final PutOptions BIN = new PutOptions("application/octet-stream", null);

    @TempDir
    Path tmp;

    Path root;
    Path outside;
    LocalAssetStore store;

    @BeforeEach
    void setUp() throws IOException {
        root = tmp.resolve("assets");
        outside = Files.createDirectories(tmp.resolve("outside"));
        Files.writeString(outside.resolve("secret.txt"), "top secret");
        store = new LocalAssetStore(new LocalStoreConfig(root));
    }

    @ParameterizedTest
    @ValueSource(
            strings = {
                "../x",
                "../../etc/passwd",
                "/etc/passwd",
                "a/../../x",
                "",
                ".",
                "a/..",
                "//etc/passwd",
                "a/../..",
                "../outside/secret.txt",
                "a\u0000b",
                "videos/\u0000/../../x"
            })
    void givenRawHostilePath_whenResolved_thenInvalidKeyNamingIt(String hostile) {
        SafePaths paths = new SafePaths(root, root);

        assertThatThrownBy(() -> paths.resolve(hostile))
                .isInstanceOfSatisfying(
                        StorageException.class, e -> assertThat(e.reason()).isEqualTo(Reason.INVALID_KEY))
                .hasMessageContaining("storage key '" + hostile + "' is refused");
    }

    @Test
    void givenDirectoryLinkLeadingOutOfRoot_whenAnyOperation_thenInvalidKeyAndOutsideUntouched() throws IOException {
        Files.createSymbolicLink(root.resolve("evil"), outside);
        AssetKey inLink = new AssetKey("evil/secret.txt");

        assertInvalid(() -> store.put(new AssetKey("evil/new.bin"), bytes("x"), BIN));
        assertInvalid(() -> store.open(inLink, 0));
        assertInvalid(() -> store.stat(inLink));
        assertInvalid(() -> store.exists(inLink));
        assertInvalid(() -> store.delete(inLink));
        assertInvalid(() -> store.list("evil/", null, 10));
        assertInvalid(() -> store.list("evil/sec", null, 10));

        assertThat(outside.resolve("new.bin")).doesNotExist();
        assertThat(outside.resolve("secret.txt")).hasContent("top secret");
        assertThat(store.list("", null, 10).items()).isEmpty(); // listing never follows links
    }

    @Test
    void givenFileLinkLeadingOutOfRoot_whenOpenStatDelete_thenInvalidKey() throws IOException {
        Files.createSymbolicLink(root.resolve("leak.txt"), outside.resolve("secret.txt"));
        AssetKey leak = new AssetKey("leak.txt");

        assertInvalid(() -> store.open(leak, 0));
        assertInvalid(() -> store.stat(leak));
        assertInvalid(() -> store.delete(leak));
        assertThat(outside.resolve("secret.txt")).hasContent("top secret");
    }

    @Test
    void givenDanglingLink_whenPutThroughIt_thenInvalidKey() throws IOException {
        Files.createSymbolicLink(root.resolve("dangle"), tmp.resolve("does-not-exist"));

        assertInvalid(() -> store.put(new AssetKey("dangle/x.bin"), bytes("x"), BIN));
        assertThat(tmp.resolve("does-not-exist")).doesNotExist();
    }

    @Test
    void givenLinkStayingInsideRoot_whenOpen_thenAllowed() throws IOException {
        store.put(new AssetKey("real/a.txt"), bytes("hello"), BIN);
        Files.createSymbolicLink(root.resolve("alias"), root.resolve("real"));

        try (var in = store.open(new AssetKey("alias/a.txt"), 0)) {
            assertThat(new String(in.readAllBytes(), StandardCharsets.UTF_8)).isEqualTo("hello");
        }
    }

    @Test
    void givenFilesOutsideTheKeyGrammarDroppedInByHand_whenList_thenIgnored() throws IOException {
        Files.writeString(root.resolve("my video.mp4"), "x");
        Files.writeString(root.resolve(".hidden"), "x");
        Files.writeString(root.resolve("notes.tmp"), "x");
        store.put(new AssetKey("ok.bin"), bytes("x"), BIN);

        assertThat(store.list("", null, 10).items())
                .extracting(o -> o.key().value())
                .containsExactly("ok.bin");
    }

    private static void assertInvalid(ThrowingCallable call) {
        assertThatThrownBy(call)
                .isInstanceOfSatisfying(
                        StorageException.class, e -> assertThat(e.reason()).isEqualTo(Reason.INVALID_KEY))
                .hasMessageContaining("symbolic link");
    }

    private static ByteArrayInputStream bytes(String s) {
        return new ByteArrayInputStream(s.getBytes(StandardCharsets.UTF_8));
    }
}
