package dev.avatarkit.storage.jdbc;

import dev.avatarkit.core.domain.Require;
import dev.avatarkit.core.domain.ValidationException;
import java.nio.file.Path;

/**
 * Where the job database lives: a JDBC URL ({@code jdbc:sqlite:…} embedded, {@code jdbc:postgresql://…} shared),
 * optional credentials and the connection pool size.
 */
public record DatabaseConfig(String url, String user, String password, int poolSize) {
    /** SQLite serialises writers anyway; a few connections let readers run beside the one writer (WAL). */
    /** SQLite serialises writers; hot HTTP reads are served from app-http's read cache, not the pool. */
    public static final int DEFAULT_SQLITE_POOL = 4;

    public static final int DEFAULT_POSTGRESQL_POOL = 10;

    public DatabaseConfig {
        Require.nonBlank(url, "dbUrl");
        if (!url.startsWith("jdbc:sqlite:") && !url.startsWith("jdbc:postgresql:")) {
            throw new ValidationException("dbUrl", "'dbUrl' must start with jdbc:sqlite: or jdbc:postgresql:");
        }
        Require.between(poolSize, 1, 200, "dbPoolSize");
    }

    /** The embedded default: {@code jdbc:sqlite:$AVATARKIT_HOME/avatarkit.db}. */
    public static DatabaseConfig sqlite(Path home) {
        return new DatabaseConfig("jdbc:sqlite:" + home.resolve("avatarkit.db"), null, null, DEFAULT_SQLITE_POOL);
    }

    /** A URL with the pool size that suits its database. */
    public static DatabaseConfig of(String url, String user, String password) {
        boolean sqlite = url != null && url.startsWith("jdbc:sqlite:");
        return new DatabaseConfig(url, user, password, sqlite ? DEFAULT_SQLITE_POOL : DEFAULT_POSTGRESQL_POOL);
    }

    public boolean isSqlite() {
        return url.startsWith("jdbc:sqlite:");
    }

    /** Never prints the password. */
    @Override
    public String toString() {
        return "DatabaseConfig[url=" + url.replaceAll("(?i)(password=)[^&;]*", "$1***") + ", user=" + user
                + ", password=" + (password == null ? "null" : "***") + ", poolSize=" + poolSize + "]";
    }
}
