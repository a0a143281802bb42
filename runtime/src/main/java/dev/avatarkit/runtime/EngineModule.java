package dev.avatarkit.runtime;

import com.google.inject.AbstractModule;
import com.google.inject.Provider;
import com.google.inject.Provides;
import com.google.inject.Singleton;
import dev.avatarkit.core.engine.EnginePolicy;
import dev.avatarkit.core.engine.JobEngine;
import dev.avatarkit.core.influencer.CreateInfluencer;
import dev.avatarkit.core.influencer.InfluencerHooks;
import dev.avatarkit.core.influencer.InfluencerPlan;
import dev.avatarkit.core.influencer.InfluencerReport;
import dev.avatarkit.core.influencer.InfluencerStatus;
import dev.avatarkit.core.influencer.RetryFailedStills;
import dev.avatarkit.core.port.AssetStore;
import dev.avatarkit.core.port.AvatarProvider;
import dev.avatarkit.core.port.InfluencerFiles;
import dev.avatarkit.core.port.JobStore;
import dev.avatarkit.core.port.Sleeper;
import dev.avatarkit.core.spi.InstalledProviders;
import dev.avatarkit.core.usecase.AwaitJob;
import dev.avatarkit.core.usecase.CreateJob;
import dev.avatarkit.core.usecase.HandleProviderEvent;
import dev.avatarkit.core.usecase.ManageJobs;
import dev.avatarkit.core.usecase.TemplateBatch;
import dev.avatarkit.core.usecase.VideoBatch;
import dev.avatarkit.runtime.influencer.MoshiAwtInfluencerFiles;
import dev.avatarkit.storage.scheduling.DbSchedulerStepScheduler;
import java.time.Clock;

/** The job engine over the stores, the scheduler and the providers, and core's use cases on top of it. */
public final class EngineModule extends AbstractModule {
    @Provides
    @Singleton
    JobEngine engine(
            JobStore jobs,
            AssetStore assets,
            InstalledProviders providers,
            DbSchedulerStepScheduler scheduler,
            Clock clock,
            PlatformOptions options,
            AvatarkitConfig config,
            JobEvents events,
            InfluencerHooks hooks) {
        // each provider's own max concurrency sizes the gate; the policy only caps it
        EnginePolicy policy = options.policy() != null ? options.policy() : EnginePolicy.defaults(EnginePolicy.NO_CAP);
        return JobEngine.builder()
                .jobs(jobs)
                .assets(assets)
                .providers(providers)
                .scheduler(scheduler)
                .clock(clock)
                .policy(policy)
                .listener(events)
                .hooks(hooks)
                .callbackUrl(config.publicUrl())
                .build();
    }

    /** An identity creates its stills before it succeeds; the last still writes the manifest and contact sheet. */
    @Provides
    @Singleton
    InfluencerHooks influencerHooks(JobStore jobs, Provider<CreateJob> createJob, InfluencerReport report) {
        return new InfluencerHooks(jobs, createJob::get, report);
    }

    @Provides
    @Singleton
    Workers workers(
            AvatarkitConfig config,
            JobStore jobs,
            InstalledProviders providers,
            DbSchedulerStepScheduler scheduler,
            JobEngine engine,
            Lifecycle lifecycle) {
        return new Workers(config, jobs, providers, scheduler, engine, lifecycle);
    }

    @Provides
    @Singleton
    CreateJob createJob(JobStore jobs, JobEngine engine, Clock clock, InstalledProviders providers, JobEvents events) {
        return new CreateJob(jobs, engine, clock, providers, events);
    }

    @Provides
    @Singleton
    ManageJobs manageJobs(
            JobStore jobs, JobEngine engine, InstalledProviders providers, Clock clock, JobEvents events) {
        return new ManageJobs(jobs, engine, providers, clock, events);
    }

    @Provides
    AwaitJob awaitJob(JobStore jobs, Clock clock, Sleeper sleeper) {
        return new AwaitJob(jobs, clock, sleeper);
    }

    @Provides
    TemplateBatch templateBatch(InstalledProviders providers, CreateJob createJob) {
        return new TemplateBatch(providers, createJob);
    }

    @Provides
    VideoBatch videoBatch(CreateJob createJob) {
        return new VideoBatch(createJob);
    }

    @Provides
    CreateInfluencer createInfluencer(CreateJob createJob) {
        return new CreateInfluencer(createJob);
    }

    @Provides
    InfluencerStatus influencerStatus(JobStore jobs) {
        return new InfluencerStatus(jobs);
    }

    @Provides
    @Singleton
    InfluencerReport influencerReport(JobStore jobs, AssetStore assets, Clock clock, InfluencerFiles files) {
        return new InfluencerReport(jobs, assets, clock, files);
    }

    /** The manifest as JSON (Moshi) and the contact sheet as a PNG (the JDK's imaging), beside the stills. */
    @Provides
    InfluencerFiles influencerFiles() {
        return new MoshiAwtInfluencerFiles();
    }

    /** Plans identities for the default provider. */
    @Provides
    InfluencerPlan influencerPlan(AvatarProvider avatar) {
        return new InfluencerPlan(avatar);
    }

    @Provides
    RetryFailedStills retryFailedStills(JobStore jobs, ManageJobs manageJobs) {
        return new RetryFailedStills(jobs, manageJobs);
    }

    @Provides
    HandleProviderEvent webhooks(InstalledProviders providers, JobStore jobs, JobEngine engine, Clock clock) {
        return new HandleProviderEvent(providers, jobs, engine, clock);
    }
}
