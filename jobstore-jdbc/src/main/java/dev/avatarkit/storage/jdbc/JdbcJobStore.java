package dev.avatarkit.storage.jdbc;

import dev.avatarkit.core.domain.BatchId;
import dev.avatarkit.core.domain.IdempotencyKey;
import dev.avatarkit.core.domain.Job;
import dev.avatarkit.core.domain.JobId;
import dev.avatarkit.core.domain.JobState;
import dev.avatarkit.core.domain.JobTransition;
import dev.avatarkit.core.port.Insertion;
import dev.avatarkit.core.port.JobPage;
import dev.avatarkit.core.port.JobQuery;
import dev.avatarkit.core.port.JobStore;
import dev.avatarkit.core.port.StaleJobException;
import dev.avatarkit.core.port.StorageException;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Instant;
import java.util.ArrayList;
import java.util.EnumMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * {@link JobStore} over JDBC (SQLite or PostgreSQL, see {@link JobDatabase}); every method is one auto-commit, except
 * insert and update, which write the jobs row and its {@code job_transitions} step in one transaction.
 */
public final class JdbcJobStore implements JobStore {
    private final Jdbc jdbc;
    private final JobRows rows = new JobRows(new JobJson());

    public JdbcJobStore(JobDatabase database) {
        this.jdbc = new Jdbc(database.dataSource(), database.dialect() == JobDatabase.Dialect.SQLITE);
    }

    @Override
    public Insertion insert(Job job) {
        return jdbc.transaction("insert job " + job.id(), connection -> insert(connection, job));
    }

    /** All in one transaction: one commit (one fsync) for the lot. */
    @Override
    public List<Insertion> insertAll(List<Job> jobs) {
        if (jobs.isEmpty()) return List.of();
        return jdbc.transaction("insert " + jobs.size() + " jobs", connection -> {
            List<Insertion> insertions = new ArrayList<>(jobs.size());
            for (Job job : jobs) insertions.add(insert(connection, job));
            return insertions;
        });
    }

    private Insertion insert(Connection connection, Job job) throws SQLException {
        try (PreparedStatement insert = connection.prepareStatement(JobRows.INSERT)) {
            rows.bindInsert(insert, job);
            // ON CONFLICT DO NOTHING (both databases): a concurrent insert of the same key waits for the
            // winner's commit and then writes nothing, so exactly one caller sees created = true.
            if (insert.executeUpdate() == 1) {
                TransitionRows.append(connection, job);
                return new Insertion(job.withVersion(1), true);
            }
        }
        Job existing = selectOne(
                        connection, "idempotency_key = ?", job.idempotencyKey().value())
                .orElseThrow(() -> new StorageException(
                        StorageException.Reason.IO,
                        "job database: insert of " + job.id() + " conflicted but no job has its key",
                        null));
        return new Insertion(existing, false);
    }

    @Override
    public Job update(Job job) {
        int updated = jdbc.transaction("update job " + job.id(), connection -> {
            try (PreparedStatement update = connection.prepareStatement(JobRows.UPDATE)) {
                rows.bindUpdate(update, job);
                if (update.executeUpdate() == 0) return 0;
            }
            TransitionRows.append(connection, job);
            return 1;
        });
        if (updated == 0) throw new StaleJobException(job.id(), job.version());
        return job.withVersion(job.version() + 1);
    }

    @Override
    public Optional<Job> find(JobId id) {
        return jdbc.run("find job " + id, connection -> selectOne(connection, "id = ?", id.value()));
    }

    @Override
    public Optional<Job> findByKey(IdempotencyKey key) {
        return jdbc.run("find job by key", connection -> selectOne(connection, "idempotency_key = ?", key.value()));
    }

    @Override
    public List<JobTransition> history(JobId id) {
        return jdbc.run("read history of job " + id, connection -> TransitionRows.history(connection, id));
    }

    @Override
    public JobPage list(JobQuery query) {
        JobListing listing = JobListing.of(query);
        List<Job> jobs = jdbc.run("list jobs", connection -> {
            try (PreparedStatement select = connection.prepareStatement(
                    "SELECT " + JobRows.COLUMNS + " FROM jobs" + listing.where() + " ORDER BY id DESC LIMIT ?")) {
                int next = listing.bind(select);
                // One row more than asked says whether another page exists without a second query.
                select.setInt(next, query.limit() + 1);
                return readAll(select);
            }
        });
        if (jobs.size() <= query.limit()) return new JobPage(jobs, null);
        List<Job> page = jobs.subList(0, query.limit());
        return new JobPage(page, page.get(page.size() - 1).id());
    }

    @Override
    public List<JobId> unfinished(int limit, JobId after) {
        StringBuilder sql = new StringBuilder("SELECT id FROM jobs WHERE state IN (");
        List<String> open = new ArrayList<>();
        for (JobState state : JobState.values()) if (!state.isTerminal()) open.add(state.name());
        sql.append("?, ".repeat(open.size() - 1)).append("?)");
        if (after != null) sql.append(" AND id > ?");
        sql.append(" ORDER BY id LIMIT ?");
        return jdbc.run("list unfinished jobs", connection -> {
            try (PreparedStatement select = connection.prepareStatement(sql.toString())) {
                int i = 1;
                for (String state : open) select.setString(i++, state);
                if (after != null) select.setString(i++, after.value());
                select.setInt(i, limit);
                List<JobId> ids = new ArrayList<>();
                try (ResultSet result = select.executeQuery()) {
                    while (result.next()) ids.add(new JobId(result.getString(1)));
                }
                return ids;
            }
        });
    }

    @Override
    public int count(String provider, JobState state) {
        return jdbc.run("count jobs", connection -> {
            try (PreparedStatement select = connection.prepareStatement(
                    "SELECT COUNT(*) FROM jobs WHERE (provider = ? OR provider LIKE ?) AND state = ?")) {
                select.setString(1, provider);
                select.setString(2, provider + ":%"); // every dialect of the provider (ProviderRoute's stored form)
                select.setString(3, state.name());
                try (ResultSet result = select.executeQuery()) {
                    return result.next() ? result.getInt(1) : 0;
                }
            }
        });
    }

    @Override
    public Map<JobState, Integer> countByState(BatchId batch) {
        return jdbc.run("count batch jobs", connection -> {
            try (PreparedStatement select =
                    connection.prepareStatement("SELECT state, COUNT(*) FROM jobs WHERE batch_id = ? GROUP BY state")) {
                select.setString(1, batch.value());
                Map<JobState, Integer> counts = new EnumMap<>(JobState.class);
                try (ResultSet result = select.executeQuery()) {
                    while (result.next()) counts.put(JobState.valueOf(result.getString(1)), result.getInt(2));
                }
                return counts;
            }
        });
    }

    @Override
    public boolean recordEventOnce(String eventId, Instant at) {
        return jdbc.run("record webhook event", connection -> {
            try (PreparedStatement insert = connection.prepareStatement(
                    "INSERT INTO webhook_events (event_id, seen_at) VALUES (?, ?) ON CONFLICT (event_id) DO NOTHING")) {
                insert.setString(1, eventId);
                insert.setString(2, Timestamps.format(at));
                return insert.executeUpdate() == 1;
            }
        });
    }

    private Optional<Job> selectOne(Connection connection, String condition, String value) throws SQLException {
        try (PreparedStatement select =
                connection.prepareStatement("SELECT " + JobRows.COLUMNS + " FROM jobs WHERE " + condition)) {
            select.setString(1, value);
            List<Job> jobs = readAll(select);
            return jobs.isEmpty() ? Optional.empty() : Optional.of(jobs.get(0));
        }
    }

    private List<Job> readAll(PreparedStatement select) throws SQLException {
        List<Job> jobs = new ArrayList<>();
        try (ResultSet result = select.executeQuery()) {
            while (result.next()) jobs.add(rows.read(result));
        }
        return jobs;
    }
}
