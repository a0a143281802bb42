package dev.avatarkit.runtime;

import dev.avatarkit.core.engine.JobEngine;
import dev.avatarkit.core.port.JobStore;
import dev.avatarkit.core.spi.InstalledProviders;
import dev.avatarkit.storage.scheduling.DbSchedulerStepScheduler;

/** Runs job steps in this process: adopts a dead sandbox's renders, starts the scheduler, resumes unfinished jobs. */
public final class Workers {
    private final AvatarkitConfig config;
    private final JobStore jobs;
    private final InstalledProviders providers;
    private final DbSchedulerStepScheduler scheduler;
    private final JobEngine engine;
    private final Lifecycle lifecycle;
    private boolean started;

    Workers(
            AvatarkitConfig config,
            JobStore jobs,
            InstalledProviders providers,
            DbSchedulerStepScheduler scheduler,
            JobEngine engine,
            Lifecycle lifecycle) {
        this.config = config;
        this.jobs = jobs;
        this.providers = providers;
        this.scheduler = scheduler;
        this.engine = engine;
        this.lifecycle = lifecycle;
    }

    /** Idempotent. */
    public synchronized void start() {
        if (started) return;
        if (config.sandbox()) SandboxRecovery.adoptUnfinished(jobs, providers);
        scheduler.start();
        lifecycle.closing(scheduler::stop);
        engine.resumeAll();
        started = true;
    }
}
