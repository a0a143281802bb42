package dev.avatarkit.cli;

import dev.avatarkit.cli.app.Io;
import dev.avatarkit.storage.jdbc.SqliteNativeLibrary;
import java.io.IOException;
import java.io.PrintWriter;
import java.io.Writer;
import java.nio.file.Path;

/**
 * What {@code bin/avatarkit} runs once per build, under {@code -XX:ArchiveClassesAtExit}, to record its start-up
 * archive: {@code --help} and {@code jobs list} in one JVM, so the archive holds the classes of both (help's
 * layout classes are not loaded by a list). It also leaves SQLite's native library in the directory given as the
 * only argument ({@link SqliteNativeLibrary}). Output is discarded; the environment decides the database.
 */
public final class StartupArchiveTraining {
    private StartupArchiveTraining() {}

    public static void main(String[] args) throws IOException {
        if (args.length != 1) throw new IllegalArgumentException("usage: StartupArchiveTraining NATIVE_LIBRARY_DIR");
        SqliteNativeLibrary.exportTo(Path.of(args[0]));
        PrintWriter nowhere = new PrintWriter(Writer.nullWriter());
        Io io = new Io(nowhere, nowhere, System.getenv(), Path.of("").toAbsolutePath(), false);
        Main.run(io, "--help");
        Main.run(io, "jobs", "list");
    }
}
