package dev.avatarkit.storage.jdbc;

import dev.avatarkit.core.port.StorageException;
import java.sql.Connection;
import java.sql.SQLException;
import javax.sql.DataSource;

/**
 * Runs one unit of work on a pooled connection and turns {@link SQLException} into {@link StorageException}.
 * Work is a single auto-committed statement or one {@link #transaction}, so retrying it is safe; SQLite's busy timeout
 * already waits for a competing writer, and the few retries only cover SQLITE_BUSY that SQLite returns without
 * waiting (a WAL snapshot that went stale).
 */
final class Jdbc {
    private static final int SQLITE_BUSY = 5;
    private static final int SQLITE_LOCKED = 6;
    private static final int ATTEMPTS = 4;

    /** One unit of work on a connection. */
    interface Work<T> {
        T apply(Connection connection) throws SQLException;
    }

    private final DataSource dataSource;
    private final boolean sqlite;

    Jdbc(DataSource dataSource, boolean sqlite) {
        this.dataSource = dataSource;
        this.sqlite = sqlite;
    }

    <T> T run(String what, Work<T> work) {
        for (int attempt = 1; ; attempt++) {
            try (Connection connection = dataSource.getConnection()) {
                return work.apply(connection);
            } catch (SQLException e) {
                if (attempt < ATTEMPTS && isBusy(e)) {
                    pause(attempt);
                    continue;
                }
                throw new StorageException(
                        StorageException.Reason.IO, "job database: could not " + what + ": " + e.getMessage(), e);
            }
        }
    }

    /** Like {@link #run}, but the work is one transaction: committed if it returns, rolled back if it throws. */
    <T> T transaction(String what, Work<T> work) {
        return run(what, connection -> {
            connection.setAutoCommit(false);
            try {
                T result = work.apply(connection);
                connection.commit();
                return result;
            } catch (SQLException | RuntimeException e) {
                connection.rollback();
                throw e;
            } finally {
                connection.setAutoCommit(true);
            }
        });
    }

    private boolean isBusy(SQLException e) {
        int primary = e.getErrorCode() & 0xff;
        return sqlite && (primary == SQLITE_BUSY || primary == SQLITE_LOCKED);
    }

    private static void pause(int attempt) {
        try {
            Thread.sleep(10L * attempt * attempt);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new StorageException(StorageException.Reason.IO, "interrupted while the job database was busy", e);
        }
    }
}
