package dev.avatarkit.storage.jdbc;

import static org.junit.jupiter.api.Assumptions.assumeTrue;

import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.Locale;
import java.util.UUID;

/** Test databases: a fresh SQLite file, or a fresh schema on the PostgreSQL named by AVATARKIT_TEST_PG_URL. */
public final class TestDatabases {
    public static final String PG_URL_ENV = "AVATARKIT_TEST_PG_URL";
    private static final String SKIP = PG_URL_ENV
            + " not set: skipping PostgreSQL tests (e.g. jdbc:postgresql://127.0.0.1:5432/test?user=postgres)";

    private TestDatabases() {}

    public static JobDatabase sqlite(Path dir) {
        return JobDatabase.open(new DatabaseConfig("jdbc:sqlite:" + dir.resolve("avatarkit.db"), null, null, 4));
    }

    /**
     * A new schema (unique per call, so parallel and repeated runs never collide), or a visible skip when the
     * environment names no PostgreSQL server.
     */
    public static PostgresSchema postgresSchemaOrSkip(String purpose) {
        assumePostgres();
        String url = System.getenv(PG_URL_ENV);
        String name = ("t_" + purpose + "_"
                        + UUID.randomUUID().toString().replace("-", "").substring(0, 12))
                .toLowerCase(Locale.ROOT);
        PostgresSchema schema = new PostgresSchema(url, name);
        schema.execute("CREATE SCHEMA " + name);
        return schema;
    }

    /** True when a PostgreSQL server is configured for tests; says so on stderr when not. */
    public static boolean postgresConfigured() {
        String url = System.getenv(PG_URL_ENV);
        boolean configured = url != null && !url.isBlank();
        if (!configured) System.err.println(SKIP);
        return configured;
    }

    /** Skips the calling test (visibly, as skipped) when no PostgreSQL server is configured. */
    public static void assumePostgres() {
        assumeTrue(postgresConfigured(), SKIP);
    }

    /** One throw-away PostgreSQL schema. */
    public record PostgresSchema(String baseUrl, String name) {
        public DatabaseConfig config(int poolSize) {
            String separator = baseUrl.contains("?") ? "&" : "?";
            return new DatabaseConfig(baseUrl + separator + "currentSchema=" + name, null, null, poolSize);
        }

        public void truncate(String... tables) {
            execute("TRUNCATE "
                    + String.join(
                            ", ",
                            java.util.Arrays.stream(tables)
                                    .map(t -> name + "." + t)
                                    .toList()));
        }

        public void drop() {
            execute("DROP SCHEMA IF EXISTS " + name + " CASCADE");
        }

        void execute(String sql) {
            try (Connection connection = DriverManager.getConnection(baseUrl);
                    Statement statement = connection.createStatement()) {
                statement.execute(sql);
            } catch (SQLException e) {
                throw new IllegalStateException("PostgreSQL test setup failed: " + sql, e);
            }
        }
    }
}
