package dev.avatarkit.testkit.fakes;

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
import dev.avatarkit.core.port.StaleJobException;
import java.time.Instant;
import java.util.ArrayList;
import java.util.EnumMap;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.TreeMap;

/** A {@link JobStore} in memory, for unit tests and embedding; passes {@code JobStoreContract}. */
public final class InMemoryJobStore implements JobStore {
    private final TreeMap<JobId, Job> byId = new TreeMap<>();
    private final Map<IdempotencyKey, JobId> byKey = new HashMap<>();
    private final Set<String> events = new HashSet<>();
    private final Map<JobId, List<JobTransition>> transitions = new HashMap<>();

    @Override
    public synchronized Insertion insert(Job job) {
        JobId existing = byKey.get(job.idempotencyKey());
        if (existing != null) return new Insertion(byId.get(existing), false);
        Job stored = job.withVersion(1);
        byId.put(stored.id(), stored);
        byKey.put(stored.idempotencyKey(), stored.id());
        append(stored);
        return new Insertion(stored, true);
    }

    @Override
    public synchronized Job update(Job job) {
        Job current = byId.get(job.id());
        if (current == null || current.version() != job.version()) throw new StaleJobException(job.id(), job.version());
        Job stored = job.withVersion(job.version() + 1);
        byId.put(stored.id(), stored);
        append(stored);
        return stored;
    }

    @Override
    public synchronized List<JobTransition> history(JobId id) {
        return List.copyOf(transitions.getOrDefault(id, List.of()));
    }

    private void append(Job job) {
        List<JobTransition> steps = transitions.computeIfAbsent(job.id(), id -> new ArrayList<>());
        JobTransition next = JobTransition.of(job);
        if (!next.differsFrom(steps.isEmpty() ? null : steps.get(steps.size() - 1))) return;
        if (steps.size() >= JobTransition.MAX_PER_JOB) steps.remove(1); // keep the creation, drop the oldest after it
        steps.add(next);
    }

    @Override
    public synchronized Optional<Job> find(JobId id) {
        return Optional.ofNullable(byId.get(id));
    }

    @Override
    public synchronized Optional<Job> findByKey(IdempotencyKey key) {
        return Optional.ofNullable(byKey.get(key)).map(byId::get);
    }

    @Override
    public synchronized JobPage list(JobQuery query) {
        List<Job> page = new ArrayList<>();
        var candidates = query.before() == null
                ? byId.descendingMap()
                : byId.headMap(query.before(), false).descendingMap();
        for (Job job : candidates.values()) {
            if (!matches(query, job)) continue;
            if (page.size() == query.limit())
                return new JobPage(page, page.get(page.size() - 1).id());
            page.add(job);
        }
        return new JobPage(page, null);
    }

    private static boolean matches(JobQuery query, Job job) {
        return (query.states().isEmpty() || query.states().contains(job.state()))
                && (query.kinds().isEmpty() || query.kinds().contains(job.kind()))
                && (query.batch() == null || query.batch().equals(job.batchId()))
                && (query.parent() == null || query.parent().equals(job.parentId()));
    }

    @Override
    public synchronized List<JobId> unfinished(int limit, JobId after) {
        List<JobId> out = new ArrayList<>();
        var candidates = after == null ? byId : byId.tailMap(after, false);
        for (Job job : candidates.values()) {
            if (out.size() == limit) break;
            if (!job.state().isTerminal()) out.add(job.id());
        }
        return out;
    }

    @Override
    public synchronized int count(String provider, JobState state) {
        return (int) byId.values().stream()
                .filter(j -> j.route().provider().equals(provider) && j.state() == state)
                .count();
    }

    @Override
    public synchronized Map<JobState, Integer> countByState(BatchId batch) {
        Map<JobState, Integer> counts = new EnumMap<>(JobState.class);
        for (Job job : byId.values()) {
            if (batch.equals(job.batchId())) counts.merge(job.state(), 1, Integer::sum);
        }
        return counts;
    }

    @Override
    public synchronized boolean recordEventOnce(String eventId, Instant at) {
        return events.add(eventId);
    }
}
