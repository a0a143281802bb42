package dev.avatarkit.core.influencer;

import dev.avatarkit.core.domain.IdempotencyKey;
import dev.avatarkit.core.domain.IdentitySpec;
import dev.avatarkit.core.domain.Job;
import dev.avatarkit.core.domain.JobId;
import dev.avatarkit.core.domain.JobState;
import dev.avatarkit.core.domain.Shot;
import dev.avatarkit.core.domain.StillSpec;
import dev.avatarkit.core.engine.JobHooks;
import dev.avatarkit.core.port.JobStore;
import dev.avatarkit.core.usecase.CreateJob;
import java.util.List;
import java.util.Optional;
import java.util.function.Supplier;
import java.util.logging.Level;
import java.util.logging.Logger;

/**
 * The influencer flow inside the engine. When an identity's base look is stored (before the identity is marked
 * SUCCEEDED) it creates one STILL job per shot, each referencing the base look so the identity stays consistent;
 * keys are derived from the identity's key and the shot index, so a crash halfway and the step's re-run create
 * each still once. When the last still of an identity finishes, it rewrites the manifest and contact sheet.
 *
 * <p>{@link CreateJob} needs the engine and the engine needs these hooks, so {@code CreateJob} comes in through a
 * supplier that is only called once the engine runs.
 */
public final class InfluencerHooks implements JobHooks {
    private static final Logger LOG = Logger.getLogger(InfluencerHooks.class.getName());

    private final JobStore jobs;
    private final Supplier<CreateJob> create;
    private final InfluencerReport report;

    public InfluencerHooks(JobStore jobs, Supplier<CreateJob> create, InfluencerReport report) {
        this.jobs = jobs;
        this.create = create;
        this.report = report;
    }

    /** The key of the still job for {@code shot} of the identity whose key is {@code identityKey}. */
    public static IdempotencyKey stillKey(IdempotencyKey identityKey, Shot shot) {
        return IdempotencyKey.derived("still", identityKey.value() + "#" + shot.index());
    }

    @Override
    public void beforeSuccess(Job job) {
        if (!(job.spec() instanceof IdentitySpec identity)) return;
        if (job.providerRef() == null) throw new IllegalStateException("identity " + job.id() + " has no base look id");
        CreateJob jobsToCreate = create.get();
        for (Shot shot : identity.shots().shots()) {
            StillSpec still = new StillSpec(
                    identity.name(),
                    shot,
                    ShotPrompt.build(identity, shot),
                    job.providerRef().value());
            jobsToCreate.create(new CreateJob.Command(still, stillKey(job.idempotencyKey(), shot), null, job.id()));
        }
    }

    @Override
    public void afterFinish(Job job) {
        if (job.spec() instanceof StillSpec && job.parentId() != null) reportIfAllFinished(job.parentId());
        else if (job.spec() instanceof IdentitySpec && job.state() == JobState.SUCCEEDED) reportIfAllFinished(job.id());
    }

    /**
     * Runs after the job's terminal state is committed; a failure here must not touch the job, so it is logged —
     * the report can be rewritten at any time with {@link InfluencerReport#write}.
     */
    private void reportIfAllFinished(JobId identityId) {
        try {
            Optional<Job> identity = jobs.find(identityId);
            if (identity.isEmpty() || identity.get().state() != JobState.SUCCEEDED) return;
            int shots = ((IdentitySpec) identity.get().spec()).shots().size();
            List<Job> stills = IdentityJobs.stills(jobs, identityId);
            if (stills.size() < shots
                    || !stills.stream().allMatch(s -> s.state().isTerminal())) return;
            report.write(identityId);
        } catch (RuntimeException e) {
            LOG.log(
                    Level.WARNING,
                    "could not write the report of influencer " + identityId
                            + "; reading the influencer's status writes it again: " + e.getMessage(),
                    e);
        }
    }
}
