package dev.avatarkit.core.usecase;

import dev.avatarkit.core.domain.IdempotencyKey;
import dev.avatarkit.core.domain.Job;
import dev.avatarkit.core.domain.ValidationException;
import dev.avatarkit.core.engine.JobEngine;
import dev.avatarkit.core.port.JobStore;
import dev.avatarkit.core.port.ProviderEvent;
import dev.avatarkit.core.port.ProviderEvents;
import java.time.Clock;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * A webhook delivery: verified, deduplicated, then treated as a hint only — the job's next step re-reads the
 * status through the authenticated API; nothing from the body (URLs, outcome) is trusted.
 */
public final class HandleProviderEvent {
    /** What became of a delivery. */
    public enum Outcome { ACCEPTED, DUPLICATE, UNKNOWN_JOB }

    private final ProviderEvents events;
    private final JobStore jobs;
    private final JobEngine engine;
    private final Clock clock;

    public HandleProviderEvent(ProviderEvents events, JobStore jobs, JobEngine engine, Clock clock) {
        this.events = events;
        this.jobs = jobs;
        this.engine = engine;
        this.clock = clock;
    }

    /** @throws dev.avatarkit.core.port.WebhookRejectedException when the delivery is not verifiably from the provider */
    public Outcome handle(Map<String, List<String>> headers, byte[] rawBody) {
        ProviderEvent event = events.verify(headers, rawBody);
        if (!jobs.recordEventOnce(event.eventId(), clock.instant())) return Outcome.DUPLICATE;
        Optional<Job> job = byCorrelation(event.correlationId());
        if (job.isEmpty()) return Outcome.UNKNOWN_JOB;
        if (!job.get().state().isTerminal()) engine.kick(job.get().id());
        return Outcome.ACCEPTED;
    }

    /** Our callback_id is the job's provider key: its idempotency key, plus "-rN" after N user retries. */
    private Optional<Job> byCorrelation(String correlationId) {
        if (correlationId == null || correlationId.isBlank()) return Optional.empty();
        String base = correlationId.replaceFirst("-r\\d+$", "");
        try {
            return jobs.findByKey(new IdempotencyKey(base));
        } catch (ValidationException notOurs) {
            return Optional.empty();
        }
    }
}
