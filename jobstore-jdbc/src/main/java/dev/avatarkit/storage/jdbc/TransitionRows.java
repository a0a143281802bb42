package dev.avatarkit.storage.jdbc;

import dev.avatarkit.core.domain.Job;
import dev.avatarkit.core.domain.JobId;
import dev.avatarkit.core.domain.JobState;
import dev.avatarkit.core.domain.JobTransition;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.ArrayList;
import java.util.List;

/**
 * The {@code job_transitions} rows of {@link JobTransition}s. {@link #append} runs inside the transaction that wrote
 * the jobs row, whose row lock (or SQLite's write lock) keeps two writers from taking the same {@code seq}.
 */
final class TransitionRows {
    private static final String COLUMNS = "at, state, raw_status, error_code, error_message";

    private TransitionRows() {}

    /** Appends the job's current step unless it repeats the last one; past the bound drops the oldest after the first. */
    static void append(Connection connection, Job job) throws SQLException {
        JobTransition next = JobTransition.of(job);
        JobTransition last = null;
        long lastSeq = 0;
        int count = 0;
        try (PreparedStatement select = connection.prepareStatement(
                "SELECT seq, " + COLUMNS + ", (SELECT COUNT(*)"
                        + " FROM job_transitions WHERE job_id = ?) FROM job_transitions WHERE job_id = ? ORDER BY seq DESC LIMIT 1")) {
            select.setString(1, job.id().value());
            select.setString(2, job.id().value());
            try (ResultSet row = select.executeQuery()) {
                if (row.next()) {
                    lastSeq = row.getLong(1);
                    last = read(row);
                    count = row.getInt(7);
                }
            }
        }
        if (!next.differsFrom(last)) return;
        if (count >= JobTransition.MAX_PER_JOB) dropOldestAfterFirst(connection, job.id());
        try (PreparedStatement insert = connection.prepareStatement(
                "INSERT INTO job_transitions (job_id, seq, " + COLUMNS + ") VALUES (?, ?, ?, ?, ?, ?, ?)")) {
            insert.setString(1, job.id().value());
            insert.setLong(2, lastSeq + 1);
            insert.setString(3, Timestamps.format(next.at()));
            insert.setString(4, next.state().name());
            insert.setString(5, next.rawStatus());
            insert.setString(6, next.errorCode());
            insert.setString(7, next.errorMessage());
            insert.executeUpdate();
        }
    }

    static List<JobTransition> history(Connection connection, JobId id) throws SQLException {
        try (PreparedStatement select = connection.prepareStatement(
                "SELECT seq, " + COLUMNS + " FROM job_transitions WHERE job_id = ? ORDER BY seq")) {
            select.setString(1, id.value());
            List<JobTransition> out = new ArrayList<>();
            try (ResultSet row = select.executeQuery()) {
                while (row.next()) out.add(read(row));
            }
            return out;
        }
    }

    private static void dropOldestAfterFirst(Connection connection, JobId id) throws SQLException {
        try (PreparedStatement delete =
                connection.prepareStatement("DELETE FROM job_transitions WHERE job_id = ? AND seq ="
                        + " (SELECT MIN(seq) FROM job_transitions WHERE job_id = ? AND seq > (SELECT MIN(seq) FROM job_transitions"
                        + " WHERE job_id = ?))")) {
            delete.setString(1, id.value());
            delete.setString(2, id.value());
            delete.setString(3, id.value());
            delete.executeUpdate();
        }
    }

    /** Reads columns 2..6 (column 1 is seq). */
    private static JobTransition read(ResultSet row) throws SQLException {
        return new JobTransition(
                Timestamps.parse(row.getString(2)),
                JobState.valueOf(row.getString(3)),
                row.getString(4),
                row.getString(5),
                row.getString(6));
    }
}
