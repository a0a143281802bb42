package dev.avatarkit.storage.jdbc;

import dev.avatarkit.core.port.JobStore;
import dev.avatarkit.testkit.jobs.JobStoreContract;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.AfterEach;

class SqliteJobStoreTest extends JobStoreContract {
    private JobDatabase database;

    @Override
    protected JobStore newStore() {
        database = TestDatabases.sqlite(tempDir());
        return new JdbcJobStore(database);
    }

    @AfterEach
    void close() {
        if (database != null) database.close();
    }

    private static Path tempDir() {
        try {
            return Files.createTempDirectory("avatarkit-sqlite-");
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
