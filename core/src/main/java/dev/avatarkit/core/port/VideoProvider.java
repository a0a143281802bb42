package dev.avatarkit.core.port;

import dev.avatarkit.core.domain.IdempotencyKey;
import dev.avatarkit.core.domain.JobSpec;
import dev.avatarkit.core.domain.ProviderRef;
import dev.avatarkit.core.domain.UnsupportedCapabilityException;
import java.io.InputStream;
import java.time.Instant;
import java.util.Collection;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Optional;

/**
 * Renders videos (plain and from templates) at a provider such as HeyGen.
 *
 * <p>Contract for every method: only {@link ProviderException} subclasses escape; no transport exception crosses
 * the port. Read calls (status, listings) are retried inside the adapter on 429/5xx/IO within its budget;
 * after that {@link RateLimitedException} or {@link ProviderUnavailableException}.
 */
public interface VideoProvider {
    /** A short stable name stored on jobs, e.g. {@code heygen}. */
    String name();

    ProviderCapabilities capabilities();

    /**
     * The capabilities for one kind of render, where a dialect differs per route (HeyGen v3 keys video creates but
     * not template creates); the engine decides resend-or-reconcile from this.
     */
    default ProviderCapabilities capabilities(JobSpec spec) {
        return capabilities();
    }

    /**
     * Refuses, before anything is stored or sent, a spec this dialect can never render (e.g. a video background
     * where only colors and images are taken), so a client hears it at once instead of from a failed job later.
     * Sends nothing. The default accepts everything.
     *
     * @throws InvalidRequestException naming the offending parameter
     */
    default void preflight(JobSpec spec) {}

    /**
     * Creates a render. The same {@code request.key()} is used for every retry of the same job, so a provider with
     * {@link ProviderCapabilities#idempotentCreate()} returns the original render instead of a second one.
     *
     * @throws OutcomeUnknownException when the render may or may not exist (timeout, reset, 5xx after sending,
     *                                 unreadable success); the caller must {@link #reconcile} or resend with the
     *                                 same key, never create with a new one
     * @throws RateLimitedException, InvalidRequestException, UnauthorizedException, InsufficientCreditException,
     *                                 NotFoundException when nothing was created
     * @throws ConflictException       the first request with this key is still in flight: retry later, same key
     */
    Submission submit(SubmitRequest request);

    /**
     * Reads a render's status. Unknown provider status words come back as {@link RenderPhase#RUNNING} with the raw
     * word kept; a 200 response that carries an error body is an error, not a status.
     *
     * @throws NotFoundException when the provider does not know {@code ref}
     */
    RenderStatus status(ProviderRef ref);

    /**
     * Reads statuses as {@link #statuses} does, and each finished render's with its result files, which a bulk status
     * may not carry (some dialects' have none). By default each alone; a dialect whose listing carries the files
     * reads many in one call there, and the finished ones not on it alone. Ids the provider does not know are absent
     * from the result.
     */
    default Map<ProviderRef, RenderStatus> statusesWithResults(Collection<ProviderRef> refs) {
        return readEach(refs);
    }

    /**
     * Reads many statuses; one call per ≤100 ids where the dialect has a bulk route, else one per id.
     * Ids the provider does not know are absent from the result.
     */
    default Map<ProviderRef, RenderStatus> statuses(Collection<ProviderRef> refs) {
        return readEach(refs);
    }

    /** Each status read alone; the ones the provider does not know left out. */
    private Map<ProviderRef, RenderStatus> readEach(Collection<ProviderRef> refs) {
        Map<ProviderRef, RenderStatus> out = new LinkedHashMap<>();
        for (ProviderRef ref : refs) {
            try {
                out.put(ref, status(ref));
            } catch (NotFoundException e) {
                // absent by contract
            }
        }
        return out;
    }

    /**
     * Looks for a render created with {@code key} (the correlation/callback id) at or after {@code since}:
     * how a legacy create with an unknown outcome is settled without paying twice.
     *
     * @return the render's id, or empty when the provider shows none (which is not proof it will never appear)
     */
    Optional<ProviderRef> reconcile(IdempotencyKey key, Instant since);

    /**
     * Opens a finished file for streaming. The stream fetches {@code file.url()}; on 403/404/410 (expired link) it
     * re-reads the status of {@code ref} for a fresh URL, and on a dropped connection it resumes with {@code Range}
     * from the bytes already delivered, within a bounded number of attempts. Memory use is constant.
     *
     * @throws ProviderUnavailableException when the file cannot be fetched after those attempts (from read())
     */
    InputStream download(ProviderRef ref, ResultFile file);

    /** Deletes (or cancels) a render at the provider. Unknown refs are ignored. */
    void cancel(ProviderRef ref);

    // The catalogue is optional: a provider answers what it has (see ProviderCapabilities.Feature.CATALOG,
    // TEMPLATES, CREDITS) and the rest refuse with UnsupportedCapabilityException before any call is made.

    /** Avatars (looks, presenters) usable as {@code --avatar}. */
    default Page<Catalog.Avatar> avatars(PageRequest page) {
        throw new UnsupportedCapabilityException(name(), "an avatar listing");
    }

    default Page<Catalog.VoiceEntry> voices(PageRequest page) {
        throw new UnsupportedCapabilityException(name(), "a voice listing");
    }

    default Page<Catalog.Template> templates(PageRequest page) {
        throw new UnsupportedCapabilityException(name(), "templates");
    }

    /** @throws NotFoundException for an unknown template id */
    default Catalog.TemplateDetail template(String templateId) {
        throw new UnsupportedCapabilityException(name(), "templates");
    }

    /** The account and its remaining credit. */
    default Catalog.Account account() {
        throw new UnsupportedCapabilityException(name(), "account details");
    }
}
