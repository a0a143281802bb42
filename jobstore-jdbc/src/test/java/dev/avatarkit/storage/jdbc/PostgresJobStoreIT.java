package dev.avatarkit.storage.jdbc;

import dev.avatarkit.core.port.JobStore;
import dev.avatarkit.testkit.jobs.JobStoreContract;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;

class PostgresJobStoreIT extends JobStoreContract {
    private static TestDatabases.PostgresSchema schema;
    private static JobDatabase database;

    @BeforeAll
    static void openSchema() {
        // No skip here: an abort in @BeforeAll hides the tests; each test skips itself in newStore().
        if (!TestDatabases.postgresConfigured()) return;
        schema = TestDatabases.postgresSchemaOrSkip("jobstore");
        database = JobDatabase.open(schema.config(4));
    }

    @AfterAll
    static void dropSchema() {
        if (database != null) database.close();
        if (schema != null) schema.drop();
    }

    @Override
    protected JobStore newStore() {
        TestDatabases.assumePostgres();
        schema.truncate("jobs", "webhook_events");
        return new JdbcJobStore(database);
    }
}
