package dev.avatarkit.core.engine;

import dev.avatarkit.core.domain.Job;
import dev.avatarkit.core.domain.JobId;
import dev.avatarkit.core.domain.VideoSpec;
import dev.avatarkit.core.spi.SingleProvider;
import dev.avatarkit.core.usecase.CreateJob;
import dev.avatarkit.core.usecase.ManageJobs;
import dev.avatarkit.testkit.fakes.FakeVideoProvider;
import dev.avatarkit.testkit.fakes.InMemoryJobStore;
import dev.avatarkit.testkit.fakes.ManualClock;
import dev.avatarkit.testkit.fakes.ManualStepScheduler;
import java.time.Duration;
import java.util.Random;

/**
 * One engine over fakes, driven by hand: {@link #runUntilIdle()} moves a manual clock from one scheduled step
 * to the next, so no test sleeps. {@link #restart()} throws away everything in memory but the stores — what a
 * {@code kill -9} leaves behind.
 */
final class EngineHarness {
    final ManualClock clock = ManualClock.startingAt("2026-11-27T10:00:00Z");
    final InMemoryJobStore jobs = new InMemoryJobStore();
    final MapAssetStore assets = new MapAssetStore();
    final FakeVideoProvider provider;
    final EnginePolicy policy;
    ManualStepScheduler scheduler;
    JobEngine engine;
    CreateJob create;
    ManageJobs manage;

    EngineHarness(FakeVideoProvider provider) {
        this(
                provider,
                EnginePolicy.defaults(provider.capabilities().maxConcurrency())
                        .withRenderTimeout(Duration.ofMinutes(30)));
    }

    EngineHarness(FakeVideoProvider provider, EnginePolicy policy) {
        this.provider = provider;
        this.policy = policy;
        restart();
    }

    /** A new engine process over the same stores; it resumes every unfinished job. */
    EngineHarness restart() {
        scheduler = new ManualStepScheduler(clock);
        engine = JobEngine.builder()
                .jobs(jobs)
                .assets(assets)
                .videoProvider(provider)
                .scheduler(scheduler)
                .statusBatchWindow(Duration.ZERO)
                .clock(clock)
                .policy(policy)
                .random(new Random(7))
                .build();
        scheduler.runWith(engine::advance);
        SingleProvider providers = new SingleProvider(provider, null);
        create = new CreateJob(jobs, engine, clock, providers, JobListener.NONE);
        manage = new ManageJobs(jobs, engine, providers, clock, JobListener.NONE);
        engine.resumeAll();
        return this;
    }

    Job submit(VideoSpec spec) {
        return create.create(CreateJob.Command.of(spec)).job();
    }

    Job submitHello() {
        return submit(VideoSpec.singleAvatar("Daisy-inskirt-20220818", "2d5b0e6cf36f460aa7fc47e3eee4ba54", "Hello"));
    }

    void runUntilIdle() {
        scheduler.runUntilIdle(clock, 500);
    }

    /** Runs steps until {@code id} reaches a state matching the predicate (or nothing is left to run). */
    Job runUntil(JobId id, java.util.function.Predicate<Job> done) {
        for (int i = 0; i < 500; i++) {
            Job job = job(id);
            if (done.test(job)) return job;
            var next = scheduler.earliest();
            if (next.isEmpty()) return job;
            if (next.get().isAfter(clock.instant())) clock.set(next.get());
            scheduler.runDue();
        }
        throw new AssertionError("job " + id + " never got there");
    }

    Job job(JobId id) {
        return jobs.find(id).orElseThrow();
    }
}
