package dev.avatarkit.storage.jdbc;

import dev.avatarkit.core.port.JobStore;
import dev.avatarkit.testkit.jobs.JobStoreContract;
import java.nio.file.Path;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.io.TempDir;

class SqliteJobStoreTest extends JobStoreContract {
    @TempDir
    Path dir;

    private JobDatabase database;

    @Override
    protected JobStore newStore() {
        database = TestDatabases.sqlite(dir);
        return new JdbcJobStore(database);
    }

    @AfterEach
    void close() {
        if (database != null) database.close();
    }
}
