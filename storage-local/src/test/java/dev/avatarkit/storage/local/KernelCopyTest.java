package dev.avatarkit.storage.local;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.channels.FileChannel;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.security.MessageDigest;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/** The kernel-side copy writes the file's bytes and hashes exactly them, inline or with the trailing hasher. */
class KernelCopyTest {
    private static final int STEP = (int) KernelCopy.STEP;

    @TempDir
    Path tmp;

    @ParameterizedTest
    @ValueSource(ints = {0, 1, STEP, STEP + 1, 2 * STEP + 3})
    void givenAnySize_whenCopied_thenFileAndDigestEqualTheSource(int size) throws Exception {
        byte[] content = OverlappedCopyTest.random(size);
        Path source = Files.write(tmp.resolve("source"), content);
        Path copy = tmp.resolve("copy");
        MessageDigest digest = AtomicFiles.sha256();

        long copied;
        try (FileChannel in = FileChannel.open(source, StandardOpenOption.READ);
                FileChannel out = FileChannel.open(
                        copy, StandardOpenOption.CREATE_NEW, StandardOpenOption.WRITE, StandardOpenOption.READ)) {
            copied = KernelCopy.copy(in, out, digest);
        }

        assertThat(copied).isEqualTo(size);
        assertThat(Files.readAllBytes(copy)).isEqualTo(content);
        assertThat(digest.digest()).isEqualTo(AtomicFiles.sha256().digest(content));
        assertThat(Thread.getAllStackTraces().keySet())
                .noneMatch(t -> t.getName().startsWith("avatarkit-local-") && t.isAlive());
    }
}
