package dev.avatarkit.storage.jdbc;

import java.io.IOException;
import java.io.InputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import org.sqlite.util.LibraryLoaderUtil;

/**
 * sqlite-jdbc's native library, copied once out of the jar. On every start the driver otherwise hashes the bundled
 * library, copies it (1 MiB) to a fresh temp file, runs {@code uname} and loads it: ~75 ms of a 0.5 s CLI run.
 * Given {@code -Dorg.sqlite.lib.path=DIR -Dorg.sqlite.lib.name=NAME} it loads that file directly instead, and
 * falls back to extracting when the file is missing. {@code bin/avatarkit} keeps the copy beside its start-up archive.
 */
public final class SqliteNativeLibrary {
    private SqliteNativeLibrary() {}

    /**
     * Copies the library for this OS and CPU into {@code dir} (replacing an older copy atomically).
     *
     * @return the file written, whose name is the {@code org.sqlite.lib.name} to pass
     * @throws IOException if the jar has no library for this platform or the copy fails
     */
    public static Path exportTo(Path dir) throws IOException {
        String name = LibraryLoaderUtil.getNativeLibName();
        String resource = LibraryLoaderUtil.getNativeLibResourcePath() + "/" + name;
        Files.createDirectories(dir);
        Path target = dir.resolve(name);
        Path partial = Files.createTempFile(dir, ".export-", ".partial");
        try (InputStream in = LibraryLoaderUtil.class.getResourceAsStream(resource)) {
            if (in == null) throw new IOException("sqlite-jdbc has no native library at " + resource);
            Files.copy(in, partial, StandardCopyOption.REPLACE_EXISTING);
            Files.move(partial, target, StandardCopyOption.REPLACE_EXISTING, StandardCopyOption.ATOMIC_MOVE);
            return target;
        } finally {
            Files.deleteIfExists(partial);
        }
    }
}
