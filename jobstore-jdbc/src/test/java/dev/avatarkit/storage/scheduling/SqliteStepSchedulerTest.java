package dev.avatarkit.storage.scheduling;

import dev.avatarkit.storage.jdbc.JobDatabase;
import dev.avatarkit.storage.jdbc.TestDatabases;
import java.nio.file.Path;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.io.TempDir;

class SqliteStepSchedulerTest extends StepSchedulerScenarios {
    @TempDir
    Path dir;

    private JobDatabase database;

    @BeforeEach
    void open() {
        database = TestDatabases.sqlite(dir);
    }

    @AfterEach
    void close() {
        stopSchedulers();
        database.close();
    }

    @Override
    JobDatabase database() {
        return database;
    }
}
