package dev.avatarkit.did;

import dev.avatarkit.core.domain.AssetKind;
import dev.avatarkit.core.domain.IdempotencyKey;
import dev.avatarkit.core.domain.JobSpec;
import dev.avatarkit.core.domain.ProviderRef;
import dev.avatarkit.core.port.Catalog;
import dev.avatarkit.core.port.NotFoundException;
import dev.avatarkit.core.port.OutcomeUnknownException;
import dev.avatarkit.core.port.Page;
import dev.avatarkit.core.port.PageRequest;
import dev.avatarkit.core.port.ProviderCapabilities;
import dev.avatarkit.core.port.ProviderUnavailableException;
import dev.avatarkit.core.port.RenderStatus;
import dev.avatarkit.core.port.ResultFile;
import dev.avatarkit.core.port.Submission;
import dev.avatarkit.core.port.SubmitRequest;
import dev.avatarkit.core.port.VideoProvider;
import java.io.InputStream;
import java.net.URI;
import java.time.Instant;
import java.util.Optional;

/** {@link VideoProvider} over D-ID talks (a photo speaks) and clips (a presenter speaks). */
final class DidVideoProvider implements VideoProvider {
    /** Opens of one result URL (first try, refreshes, resumes) before a download gives up. */
    static final int MAX_DOWNLOAD_OPENS = 8;

    private final DidHttp http;
    private final ProviderCapabilities capabilities;
    private final Reconciler reconciler;
    private final DidCatalog catalog;

    DidVideoProvider(DidHttp http, ProviderCapabilities capabilities) {
        this.http = http;
        this.capabilities = capabilities;
        this.reconciler = new Reconciler(http);
        this.catalog = new DidCatalog(http, capabilities.maxConcurrency());
    }

    @Override
    public String name() {
        return DidPlugin.NAME;
    }

    @Override
    public ProviderCapabilities capabilities() {
        return capabilities;
    }

    @Override
    public void preflight(JobSpec spec) {
        RenderRequests.check(spec);
    }

    /** One POST, never repeated after an ambiguous failure: D-ID would render (and bill) it twice. */
    @Override
    public Submission submit(SubmitRequest request) {
        RenderRequests.Create create = RenderRequests.build(request, http.apiOnLoopback());
        String path = create.resource().path();
        Wire.Job created = http.create(
                "POST " + path, Wire.Job.class, () -> http.createApi().create(path, create.body()));
        if (created.id() == null || created.id().isBlank()) {
            throw new OutcomeUnknownException(
                    "D-ID POST " + path + ": the answer carries no id; the render may have been created",
                    201,
                    null,
                    null,
                    null);
        }
        String status = created.status() == null ? "created" : created.status();
        return new Submission(new DidRef(create.resource(), created.id()).toRef(), status);
    }

    @Override
    public RenderStatus status(ProviderRef ref) {
        return StatusMapping.of(job(ref));
    }

    private Wire.Job job(ProviderRef ref) {
        DidRef did = DidRef.parse(ref)
                .orElseThrow(() -> new NotFoundException(
                        "D-ID has no render '" + ref.value() + "': refs from this adapter read talk:<id> or clip:<id>",
                        null));
        String path = did.resource().path();
        Wire.Job job = http.read(
                "GET " + path + "/{id}", Wire.Job.class, () -> http.readApi().get(path, did.id()));
        if (job.id() == null && job.status() == null) {
            // a 200 that is not a talk or clip (an error body, a proxy's page) is an error, never "still running"
            throw new ProviderUnavailableException(
                    "D-ID GET " + path + "/{id}: the answer is not a "
                            + did.resource().name().toLowerCase(),
                    null);
        }
        return job;
    }

    @Override
    public Optional<ProviderRef> reconcile(IdempotencyKey key, Instant since) {
        return reconciler.find(key, since).map(DidRef::toRef);
    }

    @Override
    public InputStream download(ProviderRef ref, ResultFile file) {
        return new ExpiringDownload(
                http.downloadClient(),
                file.url(),
                () -> freshUrl(ref, file.kind()),
                http.context().sleeper(),
                MAX_DOWNLOAD_OPENS);
    }

    private URI freshUrl(ProviderRef ref, AssetKind kind) {
        return status(ref).result(kind).map(ResultFile::url).orElse(null);
    }

    /** DELETE; D-ID answers 409 while a render is processing, which escapes as a ConflictException (retry later). */
    @Override
    public void cancel(ProviderRef ref) {
        Optional<DidRef> did = DidRef.parse(ref);
        if (did.isEmpty()) return;
        String path = did.get().resource().path();
        try {
            http.delete(
                    "DELETE " + path + "/{id}",
                    () -> http.readApi().delete(path, did.get().id()));
        } catch (NotFoundException gone) {
            // unknown refs are ignored by contract
        }
    }

    @Override
    public Page<Catalog.Avatar> avatars(PageRequest page) {
        return catalog.presenters(page);
    }

    @Override
    public Page<Catalog.VoiceEntry> voices(PageRequest page) {
        return catalog.voices(page);
    }

    @Override
    public Catalog.Account account() {
        return catalog.account();
    }
}
