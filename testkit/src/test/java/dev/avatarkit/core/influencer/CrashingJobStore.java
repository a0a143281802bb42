package dev.avatarkit.core.influencer;

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
import dev.avatarkit.testkit.fakes.SimulatedCrash;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/** A job store that dies (like {@code kill -9}) on the n-th insert, before writing it; otherwise delegates. */
final class CrashingJobStore implements JobStore {
    private final JobStore delegate;
    private int inserts;
    private int crashAt = -1;

    CrashingJobStore(JobStore delegate) {
        this.delegate = delegate;
    }

    void crashOnInsert(int number) {
        inserts = 0;
        crashAt = number;
    }

    @Override
    public Insertion insert(Job job) {
        if (++inserts == crashAt) {
            crashAt = -1;
            throw new SimulatedCrash("while storing job " + inserts);
        }
        return delegate.insert(job);
    }

    @Override
    public Job update(Job job) {
        return delegate.update(job);
    }

    @Override
    public Optional<Job> find(JobId id) {
        return delegate.find(id);
    }

    @Override
    public Optional<Job> findByKey(IdempotencyKey key) {
        return delegate.findByKey(key);
    }

    @Override
    public List<JobTransition> history(JobId id) {
        return delegate.history(id);
    }

    @Override
    public JobPage list(JobQuery query) {
        return delegate.list(query);
    }

    @Override
    public List<JobId> unfinished(int limit, JobId after) {
        return delegate.unfinished(limit, after);
    }

    @Override
    public int count(String provider, JobState state) {
        return delegate.count(provider, state);
    }

    @Override
    public Map<JobState, Integer> countByState(BatchId batch) {
        return delegate.countByState(batch);
    }

    @Override
    public boolean recordEventOnce(String eventId, Instant at) {
        return delegate.recordEventOnce(eventId, at);
    }
}
