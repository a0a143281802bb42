package dev.avatarkit.core.usecase;

import dev.avatarkit.core.domain.IdempotencyKey;
import dev.avatarkit.core.domain.Job;
import dev.avatarkit.core.domain.ValidationException;
import dev.avatarkit.core.engine.JobEngine;
import dev.avatarkit.core.port.JobStore;
import dev.avatarkit.core.port.ProviderEvent;
import dev.avatarkit.core.port.ProviderEvents;
import dev.avatarkit.core.port.WebhookRejectedException;
import dev.avatarkit.core.spi.ProviderDirectory;
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
    public enum Outcome {
        ACCEPTED,
        DUPLICATE,
        UNKNOWN_JOB
    }

    private final ProviderDirectory providers;
    private final JobStore jobs;
    private final JobEngine engine;
    private final Clock clock;

    public HandleProviderEvent(ProviderDirectory providers, JobStore jobs, JobEngine engine, Clock clock) {
        this.providers = providers;
        this.jobs = jobs;
        this.engine = engine;
        this.clock = clock;
    }

    /**
     * @param provider the provider the delivery is addressed to ({@code /webhooks/<provider>}); its verifier decides
     * @throws WebhookRejectedException when the delivery is not verifiably from that provider, or the provider is not
     *                                  installed or sends no webhooks
     */
    public Outcome handle(String provider, Map<String, List<String>> headers, byte[] rawBody) {
        ProviderEvents events = verifierOf(provider);
        ProviderEvent event = events.verify(headers, rawBody);
        // event ids are the provider's own: scope them so two providers' ids never collide
        if (!jobs.recordEventOnce(provider + ":" + event.eventId(), clock.instant())) return Outcome.DUPLICATE;
        Optional<Job> job = byCorrelation(event.correlationId())
                .filter(j -> j.route().provider().equals(provider));
        if (job.isEmpty()) return Outcome.UNKNOWN_JOB;
        if (!job.get().state().isTerminal()) engine.kick(job.get().id());
        return Outcome.ACCEPTED;
    }

    private ProviderEvents verifierOf(String provider) {
        try {
            return providers
                    .open(providers.routeFor(provider))
                    .events()
                    .orElseThrow(() -> new WebhookRejectedException("provider '" + provider + "' sends no webhooks"));
        } catch (ValidationException unknown) {
            throw new WebhookRejectedException("no provider named '" + provider + "' is installed");
        }
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
