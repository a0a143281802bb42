package dev.avatarkit.http;

import dev.avatarkit.core.domain.Job;
import dev.avatarkit.core.domain.JobId;
import dev.avatarkit.core.domain.JobNotFoundException;
import dev.avatarkit.core.port.JobStore;
import dev.avatarkit.runtime.JobEvents;
import dev.avatarkit.runtime.json.JobDocument;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;

/**
 * The rendered JSON of recently read jobs, for {@code GET /v1/jobs/{id}} — the route producers poll hardest.
 * Every change this process makes evicts the job at once (through {@link JobEvents}), so one server always serves
 * the current document; a change made by another server sharing the database shows within {@link #MAX_AGE}.
 * Bounded: past {@link #MAX_ENTRIES} the cache is simply cleared.
 */
final class JobReadCache {
    static final Duration MAX_AGE = Duration.ofSeconds(1);
    static final int MAX_ENTRIES = 10_000;

    private record Entry(String json, Instant readAt) {}

    private final JobStore jobs;
    private final Clock clock;
    private final Map<JobId, Entry> entries = new ConcurrentHashMap<>();

    JobReadCache(JobStore jobs, JobEvents events, Clock clock) {
        this.jobs = jobs;
        this.clock = clock;
        events.subscribe(this::evict);
    }

    /** The job's document as JSON. @throws JobNotFoundException for an unknown id */
    String json(JobId id) {
        Instant now = clock.instant();
        Entry cached = entries.get(id);
        if (fresh(cached, now)) return cached.json();
        if (entries.size() >= MAX_ENTRIES) entries.clear();
        // one read per job when an entry expires under load; the others wait for it instead of all hitting the DB
        return entries.compute(id, (key, old) -> fresh(old, now) ? old : load(key, now)).json();
    }

    private Entry load(JobId id, Instant now) {
        Job job = jobs.find(id).orElseThrow(() -> new JobNotFoundException(id));
        return new Entry(Responses.JOB.toJson(JobDocument.of(job)), now);
    }

    private static boolean fresh(Entry entry, Instant now) {
        return entry != null && entry.readAt().plus(MAX_AGE).isAfter(now);
    }

    private void evict(Job changed) {
        entries.remove(changed.id());
    }
}
