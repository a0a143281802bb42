package dev.avatarkit.testkit.fakes;

import dev.avatarkit.core.port.JobStore;
import dev.avatarkit.testkit.jobs.JobStoreContract;

/** The in-memory job store passes the same contract as SQLite and PostgreSQL. */
class InMemoryJobStoreContractTest extends JobStoreContract {
    @Override
    protected JobStore newStore() {
        return new InMemoryJobStore();
    }
}
