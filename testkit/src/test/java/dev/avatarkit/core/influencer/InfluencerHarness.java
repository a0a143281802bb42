package dev.avatarkit.core.influencer;

import dev.avatarkit.core.domain.IdentitySpec;
import dev.avatarkit.core.domain.Job;
import dev.avatarkit.core.domain.JobId;
import dev.avatarkit.core.domain.ShotList;
import dev.avatarkit.core.engine.EnginePolicy;
import dev.avatarkit.core.engine.JobEngine;
import dev.avatarkit.core.engine.JobListener;
import dev.avatarkit.core.spi.SingleProvider;
import dev.avatarkit.core.usecase.CreateJob;
import dev.avatarkit.core.usecase.ManageJobs;
import dev.avatarkit.testkit.fakes.FakeAvatarProvider;
import dev.avatarkit.testkit.fakes.InMemoryJobStore;
import dev.avatarkit.testkit.fakes.ManualClock;
import dev.avatarkit.testkit.fakes.ManualStepScheduler;
import dev.avatarkit.testkit.fakes.RecordingInfluencerFiles;
import dev.avatarkit.testkit.store.InMemoryAssetStore;
import java.time.Duration;
import java.util.List;
import java.util.Optional;
import java.util.Random;

/**
 * The influencer flow over fakes, wired as the lead's composition root should wire it (hooks into the engine
 * builder, CreateJob supplied lazily), driven by hand on a manual clock: no test sleeps. {@link #restart()} keeps
 * only the stores, like {@code kill -9}.
 */
final class InfluencerHarness {
    final ManualClock clock = ManualClock.startingAt("2026-11-27T10:00:00Z");
    final CrashingJobStore jobs = new CrashingJobStore(new InMemoryJobStore());
    final InMemoryAssetStore assets = new InMemoryAssetStore(clock);
    final FakeAvatarProvider provider;
    ManualStepScheduler scheduler;
    JobEngine engine;
    CreateJob createJob;
    ManageJobs manage;
    CreateInfluencer createInfluencer;
    InfluencerStatus status;
    InfluencerReport report;
    final RecordingInfluencerFiles files = new RecordingInfluencerFiles();

    InfluencerHarness(FakeAvatarProvider provider) {
        this.provider = provider;
        restart();
    }

    /** A new process over the same stores; it resumes every unfinished job. */
    InfluencerHarness restart() {
        scheduler = new ManualStepScheduler(clock);
        report = new InfluencerReport(jobs, assets, clock, files);
        InfluencerHooks hooks = new InfluencerHooks(jobs, () -> createJob, report);
        EnginePolicy policy = EnginePolicy.defaults(provider.capabilities().maxConcurrency())
                .withRenderTimeout(Duration.ofMinutes(30));
        engine = JobEngine.builder()
                .jobs(jobs)
                .assets(assets)
                .avatarProvider(provider)
                .scheduler(scheduler)
                .clock(clock)
                .policy(policy)
                .hooks(hooks)
                .random(new Random(7))
                .build();
        scheduler.runWith(engine::advance);
        SingleProvider providers = new SingleProvider(null, provider);
        createJob = new CreateJob(jobs, engine, clock, providers, JobListener.NONE);
        manage = new ManageJobs(jobs, engine, providers, clock, JobListener.NONE);
        createInfluencer = new CreateInfluencer(createJob);
        status = new InfluencerStatus(jobs);
        engine.resumeAll();
        return this;
    }

    static IdentitySpec mia(ShotList shots, List<String> references) {
        return new IdentitySpec(
                "Mia",
                "woman in her twenties, short black bob, freckles, denim jacket",
                "25",
                "woman",
                null,
                "Realistic",
                references,
                shots);
    }

    Job create(IdentitySpec spec) {
        return createInfluencer
                .create(CreateInfluencer.Command.local(spec, null))
                .identity();
    }

    /** Moves the clock from one scheduled step to the next until nothing is pending. */
    void runUntilIdle() {
        scheduler.runUntilIdle(clock, 5000);
    }

    /** Runs single rounds until {@code done} holds (or nothing is pending). */
    void runUntil(java.util.function.BooleanSupplier done) {
        for (int i = 0; i < 5000 && !done.getAsBoolean(); i++) {
            Optional<java.time.Instant> next = scheduler.earliest();
            if (next.isEmpty()) return;
            if (next.get().isAfter(clock.instant())) clock.set(next.get());
            scheduler.runDue();
        }
    }

    Job job(JobId id) {
        return jobs.find(id).orElseThrow();
    }

    List<Job> stills(JobId identity) {
        return IdentityJobs.stills(jobs, identity);
    }

    byte[] bytes(dev.avatarkit.core.domain.AssetKey key) {
        try (var in = assets.open(key)) {
            return in.readAllBytes();
        } catch (java.io.IOException e) {
            throw new java.io.UncheckedIOException(e);
        }
    }
}
