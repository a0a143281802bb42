package dev.avatarkit.storage.jdbc;

import com.zaxxer.hikari.HikariConfig;
import com.zaxxer.hikari.HikariDataSource;
import dev.avatarkit.core.port.StorageException;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.Paths;
import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import javax.sql.DataSource;
import org.flywaydb.core.Flyway;
import org.flywaydb.core.api.FlywayException;

/**
 * The job database: a pooled {@link DataSource} with the schema migrated (jobs, webhook events and
 * db-scheduler's {@code scheduled_tasks}), and which {@link Dialect} it speaks. Close it to release the pool.
 */
public final class JobDatabase implements AutoCloseable {
    /** The two databases we support; the scheduler picks its polling strategy from this. */
    public enum Dialect {
        SQLITE,
        POSTGRESQL
    }

    /**
     * The newest migration's version. When the database already has it, Flyway is not even loaded: a CLI command
     * like {@code jobs list} starts in a fraction of the time (Flyway's class loading and scan cost ~1–2 s).
     * {@code JobDatabaseTest} pins this to the newest file under {@code db/migration}.
     */
    static final int SCHEMA_VERSION = 3;

    /** SQLite waits this long for a competing writer before reporting SQLITE_BUSY. */
    static final int SQLITE_BUSY_TIMEOUT_MS = 5000;

    /** Connections of the step scheduler's own SQLite pool (its writes wait for each other there, not for ours). */
    static final int SQLITE_SCHEDULER_POOL = 2;

    private final HikariDataSource dataSource;
    private final Dialect dialect;
    private final DatabaseConfig config;
    private HikariDataSource schedulerDataSource;
    private boolean closed;

    private JobDatabase(HikariDataSource dataSource, Dialect dialect, DatabaseConfig config) {
        this.dataSource = dataSource;
        this.dialect = dialect;
        this.config = config;
    }

    /** Opens the pool and migrates the schema; fails (and releases the pool) if either is impossible. */
    public static JobDatabase open(DatabaseConfig config) {
        Dialect dialect = config.isSqlite() ? Dialect.SQLITE : Dialect.POSTGRESQL;
        if (dialect == Dialect.SQLITE) createParentDirectory(config.url());
        if (dialect == Dialect.POSTGRESQL) requirePostgresDriver();
        QuietSlf4j.whenNoBackend(); // before HikariCP makes its first slf4j logger
        HikariDataSource dataSource = new HikariDataSource(hikari(config, dialect));
        if (schemaIsCurrent(dataSource)) return new JobDatabase(dataSource, dialect, config);
        try {
            Flyway.configure()
                    .loggers(FlywayToJul.class.getName())
                    .dataSource(dataSource)
                    .locations(
                            "classpath:db/migration/common",
                            "classpath:db/migration/" + dialect.name().toLowerCase(java.util.Locale.ROOT))
                    .load()
                    .migrate();
        } catch (FlywayException e) {
            dataSource.close();
            throw new StorageException(
                    StorageException.Reason.IO, "could not migrate the job database: " + e.getMessage(), e);
        }
        return new JobDatabase(dataSource, dialect, config);
    }

    /** jobstore-jdbc ships SQLite only; PostgreSQL's driver and Flyway module are the embedder's to add. */
    private static void requirePostgresDriver() {
        for (String type :
                new String[] {"org.postgresql.Driver", "org.flywaydb.database.postgresql.PostgreSQLDatabaseType"}) {
            try {
                Class.forName(type, false, JobDatabase.class.getClassLoader());
            } catch (ClassNotFoundException e) {
                throw new StorageException(
                        StorageException.Reason.IO,
                        "'dbUrl' is a PostgreSQL URL but " + type
                                + " is not on the class path: add org.postgresql:postgresql and "
                                + "org.flywaydb:flyway-database-postgresql (docs/embedding.md)",
                        e);
            }
        }
    }

    /** True when Flyway's history already records our newest migration as applied. Any doubt: false (migrate). */
    private static boolean schemaIsCurrent(DataSource dataSource) {
        try (Connection connection = dataSource.getConnection()) {
            return newestVersion(connection) == SCHEMA_VERSION;
        } catch (SQLException | NumberFormatException e) {
            return false; // no history table yet (new database), or something Flyway should look at
        }
    }

    /** The newest migration Flyway's history records as applied. */
    private static int newestVersion(Connection connection) throws SQLException {
        try (Statement statement = connection.createStatement();
                ResultSet rows = statement.executeQuery("SELECT version FROM flyway_schema_history WHERE success = "
                        + "(1 = 1) AND version IS NOT NULL")) {
            int newest = 0;
            while (rows.next()) newest = Math.max(newest, Integer.parseInt(rows.getString(1)));
            return newest;
        }
    }

    private static HikariConfig hikari(DatabaseConfig config, Dialect dialect) {
        return hikari(config, dialect, "avatarkit-jobs", config.poolSize(), "FULL");
    }

    private static HikariConfig hikari(
            DatabaseConfig config, Dialect dialect, String name, int poolSize, String synchronous) {
        HikariConfig hikari = new HikariConfig();
        hikari.setPoolName(name);
        hikari.setJdbcUrl(config.url());
        if (config.user() != null) hikari.setUsername(config.user());
        if (config.password() != null) hikari.setPassword(config.password());
        hikari.setMaximumPoolSize(poolSize);
        if (dialect == Dialect.SQLITE) {
            // WAL lets readers run while one connection writes; the busy timeout makes a second writer wait
            // instead of failing at once; synchronous FULL (SQLite's default) makes a commit survive power loss.
            hikari.addDataSourceProperty("journal_mode", "WAL");
            hikari.addDataSourceProperty("busy_timeout", String.valueOf(SQLITE_BUSY_TIMEOUT_MS));
            hikari.addDataSourceProperty("foreign_keys", "true");
            hikari.addDataSourceProperty("synchronous", synchronous);
        }
        return hikari;
    }

    private static void createParentDirectory(String url) {
        String file = url.substring("jdbc:sqlite:".length());
        int query = file.indexOf('?');
        if (query >= 0) file = file.substring(0, query);
        if (file.isEmpty() || file.startsWith(":memory:") || file.startsWith("file:")) return;
        Path parent = Paths.get(file).toAbsolutePath().getParent();
        try {
            if (parent != null) Files.createDirectories(parent);
        } catch (IOException e) {
            throw new StorageException(StorageException.Reason.IO, "cannot create the database directory " + parent, e);
        }
    }

    /**
     * Proves the database takes writes and carries our newest schema ({@code avatarkit doctor}): a scratch row is
     * written and read back inside a transaction that is then rolled back, so nothing is left behind. Writing, not
     * just reading, is the point: a read-only SQLite file or a role without INSERT opens and reads fine.
     *
     * @return the schema version found
     * @throws StorageException if the write, the read-back or the schema is not right
     */
    public int probeWriteAndSchema() {
        String scratch = "avatarkit-doctor-" + java.util.UUID.randomUUID();
        try (Connection connection = dataSource.getConnection()) {
            connection.setAutoCommit(false);
            try {
                try (var insert =
                        connection.prepareStatement("INSERT INTO webhook_events (event_id, seen_at) VALUES (?, ?)")) {
                    insert.setString(1, scratch);
                    insert.setString(2, Timestamps.format(java.time.Instant.now()));
                    insert.executeUpdate();
                }
                try (var select =
                        connection.prepareStatement("SELECT COUNT(*) FROM webhook_events WHERE event_id = ?")) {
                    select.setString(1, scratch);
                    try (ResultSet rows = select.executeQuery()) {
                        if (!rows.next() || rows.getInt(1) != 1)
                            throw new SQLException("the scratch row written was not read back");
                    }
                }
                return schemaVersion(connection);
            } finally {
                connection.rollback();
                connection.setAutoCommit(true);
            }
        } catch (SQLException e) {
            throw new StorageException(
                    StorageException.Reason.IO, "the job database refused a write: " + e.getMessage(), e);
        }
    }

    private static int schemaVersion(Connection connection) throws SQLException {
        int newest = newestVersion(connection);
        if (newest != SCHEMA_VERSION) {
            throw new SQLException(
                    "schema version " + newest + ", this build needs " + SCHEMA_VERSION + " (not migrated)");
        }
        return newest;
    }

    /** The job rows' pool: on SQLite every commit is fsynced (synchronous FULL) before it returns. */
    public DataSource dataSource() {
        return dataSource;
    }

    /**
     * The step scheduler's connections (db-scheduler's {@code scheduled_tasks} rows). On PostgreSQL the same pool as
     * {@link #dataSource()}. On SQLite a small pool of its own whose commits are not fsynced (WAL with synchronous
     * NORMAL: still atomic and consistent, made durable by the next job-row commit or checkpoint): a drain writes
     * these rows several times a job (pick, reschedule, complete), and on a busy disk each fsync held SQLite's one
     * write lock ~10 ms. Losing the last few of them to a power cut is harmless: the rows only say when to run a
     * job's next step, and a starting worker resumes every unfinished job from the job rows
     * ({@code JobEngine.resumeAll}), which stay fully durable. Connects on first use, so commands that never
     * schedule (the CLI's reads) do not pay for it.
     */
    public synchronized DataSource schedulerDataSource() {
        if (dialect == Dialect.POSTGRESQL) return dataSource;
        if (closed) throw new IllegalStateException("the job database is closed");
        if (schedulerDataSource == null) {
            // built without a config, HikariCP starts the pool at the first getConnection: a command that builds
            // the engine but never starts the scheduler (the CLI's reads) opens no second pool
            schedulerDataSource = new HikariDataSource();
            hikari(config, dialect, "avatarkit-scheduler", SQLITE_SCHEDULER_POOL, "NORMAL")
                    .copyStateTo(schedulerDataSource);
        }
        return schedulerDataSource;
    }

    public Dialect dialect() {
        return dialect;
    }

    @Override
    public synchronized void close() {
        closed = true;
        if (schedulerDataSource != null) schedulerDataSource.close();
        dataSource.close();
    }
}
