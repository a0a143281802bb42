package dev.avatarkit.http;

import dev.avatarkit.core.domain.Job;
import dev.avatarkit.core.domain.JobId;
import dev.avatarkit.core.domain.JobNotFoundException;
import dev.avatarkit.core.port.JobStore;
import dev.avatarkit.runtime.JobEvents;
import dev.avatarkit.runtime.json.JobDocument;
import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.time.Duration;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;

/**
 * The rendered JSON of recently read jobs, for {@code GET /v1/jobs/{id}} — the route producers poll hardest.
 * Every change this process makes evicts the job at once (through {@link JobEvents}), so one server always serves
 * the current document; a change made by another server sharing the database shows within {@link #MAX_AGE}.
 * Bounded: past {@link #MAX_ENTRIES} the cache is simply cleared. Entries keep the UTF-8 bytes that go on the
 * wire, so a hit costs a map lookup and no encoding or copying; they are keyed by the id's canonical text, so a
 * request naming it exactly ({@link #cached}) is answered without parsing the id again.
 */
final class JobReadCache {
    static final Duration MAX_AGE = Duration.ofSeconds(1);
    static final int MAX_ENTRIES = 10_000;
    private static final long MAX_AGE_MILLIS = MAX_AGE.toMillis();

    private record Entry(byte[] body, long readAtMillis) {}

    private final JobStore jobs;
    private final Clock clock;
    private final Map<String, Entry> entries = new ConcurrentHashMap<>();

    JobReadCache(JobStore jobs, JobEvents events, Clock clock) {
        this.jobs = jobs;
        this.clock = clock;
        events.subscribe(this::evict);
    }

    /**
     * The job's document as UTF-8 JSON. The array is shared with other readers: write it out, never change it.
     *
     * @throws JobNotFoundException for an unknown id
     */
    byte[] body(JobId id) {
        long now = clock.millis();
        Entry cached = entries.get(id.value());
        if (fresh(cached, now)) return cached.body();
        if (entries.size() >= MAX_ENTRIES) entries.clear();
        // one read per job when an entry expires under load; the others wait for it instead of all hitting the DB
        return entries.compute(id.value(), (key, old) -> fresh(old, now) ? old : load(id, now))
                .body();
    }

    /**
     * The fresh document of the job whose canonical id (a valid {@link JobId#value()}) is exactly {@code id}, or null
     * (not read lately, expired, or any other text: the caller then parses it into a {@link JobId} and calls
     * {@link #body}). Only ids that parsed are ever stored, so a hit needs no validation.
     */
    byte[] cached(String id) {
        Entry cached = entries.get(id);
        return fresh(cached, clock.millis()) ? cached.body() : null;
    }

    /** The same document as text. */
    String json(JobId id) {
        return new String(body(id), StandardCharsets.UTF_8);
    }

    private Entry load(JobId id, long now) {
        Job job = jobs.find(id).orElseThrow(() -> new JobNotFoundException(id));
        return new Entry(Responses.JOB.toJson(JobDocument.of(job)).getBytes(StandardCharsets.UTF_8), now);
    }

    private static boolean fresh(Entry entry, long now) {
        return entry != null && now - entry.readAtMillis() < MAX_AGE_MILLIS;
    }

    private void evict(Job changed) {
        entries.remove(changed.id().value());
    }
}
