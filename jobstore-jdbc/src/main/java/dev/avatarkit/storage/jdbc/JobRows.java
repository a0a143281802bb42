package dev.avatarkit.storage.jdbc;

import dev.avatarkit.core.domain.BatchId;
import dev.avatarkit.core.domain.IdempotencyKey;
import dev.avatarkit.core.domain.Job;
import dev.avatarkit.core.domain.JobCounters;
import dev.avatarkit.core.domain.JobId;
import dev.avatarkit.core.domain.JobKind;
import dev.avatarkit.core.domain.JobLineage;
import dev.avatarkit.core.domain.JobOutcome;
import dev.avatarkit.core.domain.JobRender;
import dev.avatarkit.core.domain.JobState;
import dev.avatarkit.core.domain.JobTimes;
import dev.avatarkit.core.domain.ProviderRef;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;

/** Maps {@link Job} to and from a {@code jobs} row: the column list, the statements and their parameters. */
final class JobRows {
    static final String COLUMNS =
            "id, kind, idempotency_key, spec, provider, provider_ref, state, raw_status, attempts,"
                    + " retries, polls, created_at, updated_at, next_run_at, deadline, error, warning, assets, batch_id,"
                    + " parent_id, version";

    static final String INSERT = "INSERT INTO jobs (" + COLUMNS + ") VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?,"
            + " ?, ?, ?, ?, ?, ?, ?) ON CONFLICT (idempotency_key) DO NOTHING";

    /** Compare-and-set: id, kind, idempotency key and created time are never written again. */
    static final String UPDATE = "UPDATE jobs SET spec = ?, provider = ?, provider_ref = ?, state = ?, raw_status = ?,"
            + " attempts = ?, retries = ?, polls = ?, updated_at = ?, next_run_at = ?, deadline = ?, error = ?,"
            + " warning = ?, assets = ?, batch_id = ?, parent_id = ?, version = version + 1"
            + " WHERE id = ? AND version = ?";

    private final JobJson json;

    JobRows(JobJson json) {
        this.json = json;
    }

    void bindInsert(PreparedStatement statement, Job job) throws SQLException {
        int i = 1;
        statement.setString(i++, job.id().value());
        statement.setString(i++, job.kind().name());
        statement.setString(i++, job.idempotencyKey().value());
        statement.setString(i++, json.spec(job.spec()));
        statement.setString(i++, job.provider());
        statement.setString(
                i++, job.providerRef() == null ? null : job.providerRef().value());
        statement.setString(i++, job.state().name());
        statement.setString(i++, job.rawStatus());
        statement.setInt(i++, job.attempts());
        statement.setInt(i++, job.retries());
        statement.setInt(i++, job.polls());
        statement.setString(i++, Timestamps.format(job.createdAt()));
        statement.setString(i++, Timestamps.format(job.updatedAt()));
        statement.setString(i++, Timestamps.format(job.nextRunAt()));
        statement.setString(i++, Timestamps.format(job.deadline()));
        statement.setString(i++, json.error(job.error()));
        statement.setString(i++, json.error(job.warning()));
        statement.setString(i++, json.assets(job.assets()));
        statement.setString(i++, job.batchId() == null ? null : job.batchId().value());
        statement.setString(i++, job.parentId() == null ? null : job.parentId().value());
        statement.setLong(i, 1);
    }

    void bindUpdate(PreparedStatement statement, Job job) throws SQLException {
        int i = 1;
        statement.setString(i++, json.spec(job.spec()));
        statement.setString(i++, job.provider());
        statement.setString(
                i++, job.providerRef() == null ? null : job.providerRef().value());
        statement.setString(i++, job.state().name());
        statement.setString(i++, job.rawStatus());
        statement.setInt(i++, job.attempts());
        statement.setInt(i++, job.retries());
        statement.setInt(i++, job.polls());
        statement.setString(i++, Timestamps.format(job.updatedAt()));
        statement.setString(i++, Timestamps.format(job.nextRunAt()));
        statement.setString(i++, Timestamps.format(job.deadline()));
        statement.setString(i++, json.error(job.error()));
        statement.setString(i++, json.error(job.warning()));
        statement.setString(i++, json.assets(job.assets()));
        statement.setString(i++, job.batchId() == null ? null : job.batchId().value());
        statement.setString(i++, job.parentId() == null ? null : job.parentId().value());
        statement.setString(i++, job.id().value());
        statement.setLong(i, job.version());
    }

    Job read(ResultSet row) throws SQLException {
        String providerRef = row.getString("provider_ref");
        String batchId = row.getString("batch_id");
        String parentId = row.getString("parent_id");
        return new Job(
                new JobId(row.getString("id")),
                JobKind.valueOf(row.getString("kind")),
                new IdempotencyKey(row.getString("idempotency_key")),
                json.spec(row.getString("spec")),
                row.getString("provider"),
                JobState.valueOf(row.getString("state")),
                new JobRender(providerRef == null ? null : new ProviderRef(providerRef), row.getString("raw_status")),
                new JobCounters(row.getInt("attempts"), row.getInt("retries"), row.getInt("polls")),
                new JobTimes(
                        Timestamps.parse(row.getString("created_at")),
                        Timestamps.parse(row.getString("updated_at")),
                        Timestamps.parse(row.getString("next_run_at")),
                        Timestamps.parse(row.getString("deadline"))),
                new JobOutcome(
                        json.error(row.getString("error")),
                        json.error(row.getString("warning")),
                        json.assets(row.getString("assets"))),
                new JobLineage(
                        batchId == null ? null : new BatchId(batchId), parentId == null ? null : new JobId(parentId)),
                row.getLong("version"));
    }
}
