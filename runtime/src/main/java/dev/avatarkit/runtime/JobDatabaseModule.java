package dev.avatarkit.runtime;

import com.google.inject.AbstractModule;
import com.google.inject.Provider;
import com.google.inject.Provides;
import com.google.inject.Singleton;
import dev.avatarkit.core.engine.JobEngine;
import dev.avatarkit.core.port.JobStore;
import dev.avatarkit.core.port.StepScheduler;
import dev.avatarkit.storage.jdbc.JdbcJobStore;
import dev.avatarkit.storage.jdbc.JobDatabase;
import dev.avatarkit.storage.scheduling.DbSchedulerStepScheduler;

/** The job database (SQLite or PostgreSQL, migrated on open), the job store on it, and db-scheduler's step scheduler. */
public final class JobDatabaseModule extends AbstractModule {
    @Provides
    @Singleton
    JobDatabase database(AvatarkitConfig config, Lifecycle lifecycle) {
        return lifecycle.closing(JobDatabase.open(Wiring.database(config)));
    }

    @Provides
    @Singleton
    JobStore jobs(JobDatabase database) {
        return new JdbcJobStore(database);
    }

    /** Steps run the engine, which is built later: the scheduler reaches it through a provider. */
    @Provides
    @Singleton
    DbSchedulerStepScheduler scheduler(JobDatabase database, PlatformOptions options, Provider<JobEngine> engine) {
        return new DbSchedulerStepScheduler(
                database,
                Wiring.schedulerSettings(database, options),
                id -> engine.get().advance(id));
    }

    @Provides
    StepScheduler stepScheduler(DbSchedulerStepScheduler scheduler) {
        return scheduler;
    }
}
