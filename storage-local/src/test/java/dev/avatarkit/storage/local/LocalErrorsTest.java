package dev.avatarkit.storage.local;

import static org.assertj.core.api.Assertions.assertThat;

import dev.avatarkit.core.port.StorageException;
import dev.avatarkit.core.port.StorageException.Reason;
import java.io.IOException;
import java.nio.file.AccessDeniedException;
import java.nio.file.FileSystemException;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;

class LocalErrorsTest {
    private static final Path ROOT = Path.of("/data/assets");

    @Test
    void givenNoSpaceLeftIoException_whenMapped_thenDiskFullNamingTheRootAndTheFix() {
        StorageException e =
                LocalErrors.map(new IOException("No space left on device"), "writing", "videos/a/v.mp4", ROOT);

        assertThat(e.reason()).isEqualTo(Reason.DISK_FULL);
        assertThat(e.getMessage()).contains("videos/a/v.mp4", "/data/assets", "AVATARKIT_STORAGE_DIR");
    }

    @Test
    void givenFileSystemExceptionWithNoSpaceReason_whenMapped_thenDiskFull() {
        IOException cause = new FileSystemException("/data/assets/.v.mp4.ab.tmp", null, "No space left on device");

        assertThat(LocalErrors.map(cause, "writing", "v.mp4", ROOT).reason()).isEqualTo(Reason.DISK_FULL);
        assertThat(LocalErrors.map(new IOException("Disk quota exceeded"), "writing", "v.mp4", ROOT)
                        .reason())
                .isEqualTo(Reason.DISK_FULL);
    }

    @Test
    void givenAccessDenied_whenMapped_thenPermissionDenied() {
        StorageException e =
                LocalErrors.map(new AccessDeniedException("/data/assets/videos"), "writing", "videos/v.mp4", ROOT);

        assertThat(e.reason()).isEqualTo(Reason.PERMISSION_DENIED);
        assertThat(e.getMessage()).contains("permission denied", "/data/assets/videos");
    }

    @Test
    void givenNoSuchFile_whenMapped_thenNotFound() {
        assertThat(LocalErrors.map(new NoSuchFileException("/x"), "opening", "v.mp4", ROOT)
                        .reason())
                .isEqualTo(Reason.NOT_FOUND);
    }

    @Test
    void givenOtherIoError_whenMapped_thenIoWithTheOriginalMessage() {
        StorageException e = LocalErrors.map(new IOException("Input/output error"), "writing", "v.mp4", ROOT);

        assertThat(e.reason()).isEqualTo(Reason.IO);
        assertThat(e.getMessage()).contains("Input/output error");
        assertThat(e.getCause()).isInstanceOf(IOException.class);
    }
}
