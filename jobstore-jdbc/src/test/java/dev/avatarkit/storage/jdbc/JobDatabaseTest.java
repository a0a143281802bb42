package dev.avatarkit.storage.jdbc;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.avatarkit.core.domain.ValidationException;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class JobDatabaseTest {
    @TempDir
    Path dir;

    @Test
    void givenTheMigrationFiles_whenComparedWithSchemaVersion_thenTheFastPathKnowsTheNewest() throws Exception {
        // opening skips Flyway when the history has SCHEMA_VERSION; a new migration must bump it
        int newest = 0;
        for (String dir : new String[] {"common", "sqlite", "postgresql"}) {
            java.net.URL url = getClass().getClassLoader().getResource("db/migration/" + dir);
            try (var files = java.nio.file.Files.list(java.nio.file.Path.of(url.toURI()))) {
                for (Path file : files.toList()) {
                    String name = file.getFileName().toString();
                    newest = Math.max(newest, Integer.parseInt(name.substring(1, name.indexOf("__"))));
                }
            }
        }
        assertThat(newest).isEqualTo(JobDatabase.SCHEMA_VERSION);
    }

    @Test
    void givenAMigratedDatabase_whenOpenedAgain_thenItIsUsableWithoutMigrating() {
        DatabaseConfig config = DatabaseConfig.sqlite(dir.resolve("fast"));
        JobDatabase.open(config).close();
        try (JobDatabase again = JobDatabase.open(config)) {
            assertThat(new JdbcJobStore(again).unfinished(10, null)).isEmpty();
        }
    }

    @Test
    void givenAMigratedDatabase_whenProbed_thenItReportsTheSchemaAndLeavesNoScratchRow() throws Exception {
        try (JobDatabase database = TestDatabases.sqlite(dir)) {
            assertThat(database.probeWriteAndSchema()).isEqualTo(JobDatabase.SCHEMA_VERSION);

            try (Connection connection = database.dataSource().getConnection();
                    Statement statement = connection.createStatement();
                    ResultSet rows = statement.executeQuery("SELECT COUNT(*) FROM webhook_events")) {
                rows.next();
                assertThat(rows.getInt(1)).as("the probe's row was rolled back").isZero();
            }
        }
    }

    @Test
    void givenADatabaseMissingOurNewestMigration_whenProbed_thenItSaysNotMigrated() throws Exception {
        try (JobDatabase database = TestDatabases.sqlite(dir)) {
            try (Connection connection = database.dataSource().getConnection();
                    Statement statement = connection.createStatement()) {
                statement.executeUpdate(
                        "DELETE FROM flyway_schema_history WHERE version = '" + JobDatabase.SCHEMA_VERSION + "'");
            }

            assertThatThrownBy(database::probeWriteAndSchema).hasMessageContaining("not migrated");
        }
    }

    @Test
    void givenSqliteUrl_whenOpened_thenWalBusyTimeoutAndForeignKeysOnEveryConnection() throws Exception {
        try (JobDatabase database = TestDatabases.sqlite(dir)) {
            assertThat(database.dialect()).isEqualTo(JobDatabase.Dialect.SQLITE);
            for (int i = 0; i < 3; i++) {
                try (Connection connection = database.dataSource().getConnection()) {
                    assertThat(pragma(connection, "journal_mode")).isEqualTo("wal");
                    assertThat(pragma(connection, "busy_timeout")).isEqualTo("5000");
                    assertThat(pragma(connection, "foreign_keys")).isEqualTo("1");
                    assertThat(pragma(connection, "synchronous")).isEqualTo("2");
                }
            }
        }
    }

    @Test
    void givenSqlite_whenTheSchedulerAsksForConnections_thenItsOwnPoolSkipsFsyncAndJobRowsKeepIt() throws Exception {
        try (JobDatabase database = TestDatabases.sqlite(dir)) {
            assertThat(database.schedulerDataSource()).isNotSameAs(database.dataSource());
            try (Connection scheduler = database.schedulerDataSource().getConnection();
                    Connection jobs = database.dataSource().getConnection()) {
                assertThat(pragma(scheduler, "synchronous")).as("NORMAL").isEqualTo("1");
                assertThat(pragma(scheduler, "journal_mode")).isEqualTo("wal");
                assertThat(pragma(scheduler, "busy_timeout")).isEqualTo("5000");
                assertThat(pragma(jobs, "synchronous")).as("FULL").isEqualTo("2");
            }
        }
    }

    @Test
    void givenSqlite_whenOpenedTwice_thenMigratedOnceWithEveryTable() throws Exception {
        TestDatabases.sqlite(dir).close();
        try (JobDatabase database = TestDatabases.sqlite(dir);
                Connection connection = database.dataSource().getConnection()) {
            assertThat(column(connection, "SELECT name FROM sqlite_master WHERE type = 'table' ORDER BY name"))
                    .contains("jobs", "job_transitions", "webhook_events", "scheduled_tasks", "flyway_schema_history");
            assertThat(column(
                            connection,
                            "SELECT version FROM flyway_schema_history WHERE success = 1 ORDER BY installed_rank"))
                    .containsExactly("1", "2", "3");
        }
    }

    @Test
    void givenMissingHomeDirectory_whenDefaultSqliteOpened_thenDirectoryCreated() {
        Path home = dir.resolve("not/yet/there");

        try (JobDatabase database = JobDatabase.open(DatabaseConfig.sqlite(home))) {
            assertThat(home.resolve("avatarkit.db")).exists();
        }
    }

    @Test
    void givenDefaults_whenBuilt_thenPinned() {
        DatabaseConfig sqlite = DatabaseConfig.sqlite(Path.of("/home/me/.avatarkit"));
        DatabaseConfig postgres = DatabaseConfig.of("jdbc:postgresql://db/avatarkit", "u", "secret");

        assertThat(sqlite.url()).isEqualTo("jdbc:sqlite:/home/me/.avatarkit/avatarkit.db");
        assertThat(sqlite.poolSize()).isEqualTo(4);
        assertThat(postgres.poolSize()).isEqualTo(10);
        assertThat(postgres.isSqlite()).isFalse();
    }

    @Test
    void givenPassword_whenPrinted_thenMasked() {
        DatabaseConfig config = new DatabaseConfig("jdbc:postgresql://db/x?user=a&password=hunter2", "a", "hunter2", 2);

        assertThat(config.toString()).doesNotContain("hunter2").contains("password=***");
    }

    @Test
    void givenOtherDatabaseOrPoolSize_whenConfigured_thenRejectedNamingTheField() {
        assertThatThrownBy(() -> new DatabaseConfig("jdbc:mysql://db/x", null, null, 2))
                .isInstanceOf(ValidationException.class)
                .hasMessageContaining("dbUrl");
        assertThatThrownBy(() -> new DatabaseConfig("jdbc:sqlite:x.db", null, null, 0))
                .isInstanceOf(ValidationException.class)
                .hasMessageContaining("dbPoolSize");
    }

    private static String pragma(Connection connection, String name) throws SQLException {
        return column(connection, "PRAGMA " + name).get(0);
    }

    private static List<String> column(Connection connection, String sql) throws SQLException {
        List<String> values = new ArrayList<>();
        try (Statement statement = connection.createStatement();
                ResultSet result = statement.executeQuery(sql)) {
            while (result.next()) values.add(result.getString(1));
        }
        return values;
    }
}
