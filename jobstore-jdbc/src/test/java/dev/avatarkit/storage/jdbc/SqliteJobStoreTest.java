package dev.avatarkit.storage.jdbc;

import static dev.avatarkit.testkit.jobs.JobSamples.T0;
import static dev.avatarkit.testkit.jobs.JobSamples.id;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.avatarkit.core.domain.IdempotencyKey;
import dev.avatarkit.core.domain.Job;
import dev.avatarkit.core.port.JobQuery;
import dev.avatarkit.core.port.JobStore;
import dev.avatarkit.core.port.StorageException;
import dev.avatarkit.testkit.jobs.JobSamples;
import dev.avatarkit.testkit.jobs.JobStoreContract;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class SqliteJobStoreTest extends JobStoreContract {
    @TempDir
    Path dir;

    private JobDatabase database;

    @Override
    protected JobStore newStore() {
        database = TestDatabases.sqlite(dir);
        return new JdbcJobStore(database);
    }

    @AfterEach
    void close() {
        if (database != null) database.close();
    }

    @Test
    void givenAJobThatCannotBeStored_whenInsertedAll_thenNoneOfTheListIsStored() {
        Job stored = store.insert(JobSamples.queued(id(1))).job();
        Job fresh = JobSamples.queued(id(2));
        // the id of a stored job under a new key: the primary key refuses it, after `fresh` was written
        Job clash = Job.queued(stored.id(), new IdempotencyKey("another-key"), JobSamples.still(), "x", T0, null, null);

        assertThatThrownBy(() -> store.insertAll(List.of(fresh, clash))).isInstanceOf(StorageException.class);

        assertThat(store.find(fresh.id())).isEmpty();
        assertThat(store.list(JobQuery.all(10)).jobs()).containsExactly(stored);
    }
}
