package dev.avatarkit.storage.jdbc;

import static org.assertj.core.api.Assertions.assertThat;

import dev.avatarkit.storage.scheduling.DbSchedulerStepScheduler;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.List;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * An embedder with no logging backend (this module's test class path has no slf4j provider) opens and migrates a
 * new job database and sees nothing on its console: no "SLF4J(W): No SLF4J providers" lines from HikariCP, no
 * Flyway "Migrating schema" chatter. A fresh JVM, because slf4j binds (and reports) once per JVM.
 */
class EmbedderConsoleTest {
    @TempDir
    Path dir;

    @Test
    void givenNoLoggingBackend_whenANewDatabaseIsOpenedAndMigrated_thenTheConsoleStaysEmpty() throws Exception {
        Process child = new ProcessBuilder(List.of(
                        Path.of(System.getProperty("java.home"), "bin", "java").toString(),
                        "-cp",
                        System.getProperty("java.class.path"),
                        OpenNewDatabase.class.getName(),
                        dir.resolve("home").toString()))
                .redirectErrorStream(true)
                .start();
        String console = new String(child.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
        assertThat(child.waitFor(60, TimeUnit.SECONDS)).isTrue();

        assertThat(child.exitValue()).as(console).isZero();
        assertThat(console).isEqualTo("");
    }

    /** The embedder: opens (creating and migrating) a SQLite job database, then closes it. */
    public static final class OpenNewDatabase {
        public static void main(String[] args) {
            try (JobDatabase database = JobDatabase.open(DatabaseConfig.sqlite(Path.of(args[0])))) {
                if (database.probeWriteAndSchema() != JobDatabase.SCHEMA_VERSION) System.exit(3);
                // db-scheduler's classes, loaded as the engine would, log through slf4j too
                DbSchedulerStepScheduler.class.getName();
            }
        }
    }
}
