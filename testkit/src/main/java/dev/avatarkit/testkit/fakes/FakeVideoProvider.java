package dev.avatarkit.testkit.fakes;

import dev.avatarkit.core.domain.AssetKind;
import dev.avatarkit.core.domain.IdempotencyKey;
import dev.avatarkit.core.domain.JobError;
import dev.avatarkit.core.domain.ProviderRef;
import dev.avatarkit.core.domain.TemplateVariable;
import dev.avatarkit.core.port.Catalog;
import dev.avatarkit.core.port.NotFoundException;
import dev.avatarkit.core.port.Page;
import dev.avatarkit.core.port.PageRequest;
import dev.avatarkit.core.port.ProviderCapabilities;
import dev.avatarkit.core.port.ProviderUnavailableException;
import dev.avatarkit.core.port.RenderPhase;
import dev.avatarkit.core.port.RenderStatus;
import dev.avatarkit.core.port.ResultFile;
import dev.avatarkit.core.port.Submission;
import dev.avatarkit.core.port.SubmitRequest;
import dev.avatarkit.core.port.VideoProvider;
import java.io.ByteArrayInputStream;
import java.io.InputStream;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Collection;
import java.util.Deque;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.function.Supplier;

/**
 * A scriptable in-memory {@link VideoProvider} for unit tests of the engine. By default every create succeeds
 * and every render completes on the second status read. Scripts: {@link #onNextSubmit} (throw something, or
 * "create then throw" for the ambiguous create), {@link #statusScript} per render, {@link #failDownloadsOnce}.
 * Counters show how many renders were really created per key — the number that must never exceed one.
 */
public final class FakeVideoProvider implements VideoProvider {
    /** What the next create call does. */
    public enum SubmitOutcome {
        ACCEPT,
        CREATE_THEN_FAIL
    }

    private final ProviderCapabilities capabilities;
    private final Deque<Supplier<RuntimeException>> submitFailures = new ArrayDeque<>();
    private final Deque<SubmitOutcome> submitOutcomes = new ArrayDeque<>();
    private final Map<String, ProviderRef> createdByKey = new LinkedHashMap<>();
    private final Map<String, Integer> createsPerKey = new HashMap<>();
    private final Map<ProviderRef, Deque<RenderStatus>> scripts = new HashMap<>();
    private final Map<ProviderRef, Integer> reads = new HashMap<>();
    private final List<ProviderRef> canceled = new ArrayList<>();
    private final AtomicInteger ids = new AtomicInteger();
    private final AtomicInteger submitCalls = new AtomicInteger();
    private int statusRequests;
    private int downloadFailures;
    private boolean crashBeforeCreate;
    private boolean crashAfterCreate;
    private boolean crashInDownload;
    private Deque<RenderStatus> defaultScript = null;

    private Runnable downloadProbe = () -> {};

    public FakeVideoProvider(ProviderCapabilities capabilities) {
        this.capabilities = capabilities;
    }

    /** Like HeyGen v3: idempotency keys honoured, bulk statuses, 5,000-char scripts. */
    public static FakeVideoProvider v3Like(int maxConcurrency) {
        return new FakeVideoProvider(new ProviderCapabilities(true, true, 5000, maxConcurrency));
    }

    /** Like HeyGen's legacy v2: no idempotency keys, reconcile by listing. */
    public static FakeVideoProvider legacyLike(int maxConcurrency) {
        return new FakeVideoProvider(new ProviderCapabilities(false, false, 1500, maxConcurrency));
    }

    public synchronized FakeVideoProvider onNextSubmit(Supplier<RuntimeException> failure) {
        submitFailures.add(failure);
        submitOutcomes.add(SubmitOutcome.ACCEPT);
        return this;
    }

    /** The next create really creates the render, then the call fails with {@code failure} (a lost response). */
    public synchronized FakeVideoProvider createThenFail(Supplier<RuntimeException> failure) {
        submitFailures.add(failure);
        submitOutcomes.add(SubmitOutcome.CREATE_THEN_FAIL);
        return this;
    }

    /** Statuses every new render reports, in order; the last one repeats. */
    public synchronized FakeVideoProvider everyRenderReports(RenderStatus... statuses) {
        defaultScript = new ArrayDeque<>(List.of(statuses));
        return this;
    }

    /** The process dies during the next create: before the provider got it, or after it created the render. */
    public synchronized FakeVideoProvider crashOnNextSubmit(boolean afterCreating) {
        if (afterCreating) crashAfterCreate = true;
        else crashBeforeCreate = true;
        return this;
    }

    /** The process dies halfway through the next download. */
    public synchronized FakeVideoProvider crashInNextDownload() {
        crashInDownload = true;
        return this;
    }

    public synchronized FakeVideoProvider failDownloadsOnce(int times) {
        downloadFailures = times;
        return this;
    }

    @Override
    public String name() {
        return "fake";
    }

    @Override
    public ProviderCapabilities capabilities() {
        return capabilities;
    }

    @Override
    public synchronized Submission submit(SubmitRequest request) {
        submitCalls.incrementAndGet();
        String key = request.key().value();
        if (crashBeforeCreate) {
            crashBeforeCreate = false;
            throw new SimulatedCrash("before the create reached the provider");
        }
        SubmitOutcome outcome = submitOutcomes.poll();
        Supplier<RuntimeException> failure = submitFailures.poll();
        if (failure != null && outcome == SubmitOutcome.ACCEPT) throw failure.get();
        ProviderRef ref = createdByKey.get(key);
        if (ref == null || !capabilities.idempotentCreate()) {
            ref = new ProviderRef("vid_" + ids.incrementAndGet());
            createdByKey.put(key, ref);
            createsPerKey.merge(key, 1, Integer::sum);
            scripts.put(ref, defaultScript == null ? defaultStatuses(ref) : new ArrayDeque<>(defaultScript));
        }
        if (failure != null) throw failure.get();
        if (crashAfterCreate) {
            crashAfterCreate = false;
            throw new SimulatedCrash("after the provider created " + ref);
        }
        return new Submission(ref, "waiting");
    }

    private static Deque<RenderStatus> defaultStatuses(ProviderRef ref) {
        return new ArrayDeque<>(List.of(RenderStatus.running("processing"), completed(ref, null)));
    }

    /** A completed status with a video, thumbnail and captions; {@code warning} non-null = finished with an error. */
    public static RenderStatus completed(ProviderRef ref, JobError warning) {
        return new RenderStatus(
                RenderPhase.SUCCEEDED,
                "completed",
                List.of(
                        new ResultFile(AssetKind.VIDEO, URI.create("https://files.example/" + ref + ".mp4?sig=secret")),
                        new ResultFile(
                                AssetKind.THUMBNAIL, URI.create("https://files.example/" + ref + ".jpg?sig=secret"))),
                null,
                warning);
    }

    @Override
    public synchronized RenderStatus status(ProviderRef ref) {
        statusRequests++;
        return read(ref);
    }

    /** One request for the lot where the capabilities say bulk (as HeyGen v3's routes), else one each. */
    @Override
    public synchronized Map<ProviderRef, RenderStatus> statuses(Collection<ProviderRef> refs) {
        if (!capabilities.bulkStatus()) return VideoProvider.super.statuses(refs);
        statusRequests++;
        Map<ProviderRef, RenderStatus> out = new LinkedHashMap<>();
        for (ProviderRef ref : refs) if (scripts.containsKey(ref)) out.put(ref, read(ref));
        return out;
    }

    @Override
    public synchronized Map<ProviderRef, RenderStatus> statusesWithResults(Collection<ProviderRef> refs) {
        return statuses(refs); // a finished render's status always carries its files here
    }

    private RenderStatus read(ProviderRef ref) {
        Deque<RenderStatus> script = scripts.get(ref);
        if (script == null) throw new NotFoundException("no render " + ref, 404, "not_found", "req-1", null);
        reads.merge(ref, 1, Integer::sum);
        RenderStatus next = script.size() > 1 ? script.poll() : script.peek();
        if (next.phase() == RenderPhase.SUCCEEDED && next.results().isEmpty()) return completed(ref, next.warning());
        return next;
    }

    @Override
    public synchronized Optional<ProviderRef> reconcile(IdempotencyKey key, Instant since) {
        return Optional.ofNullable(createdByKey.get(key.value()));
    }

    /** Runs {@code probe} at the start of every download, e.g. to see what the engine did just before it. */
    public synchronized FakeVideoProvider whileDownloading(Runnable probe) {
        this.downloadProbe = probe;
        return this;
    }

    @Override
    public synchronized InputStream download(ProviderRef ref, ResultFile file) {
        downloadProbe.run();
        if (downloadFailures > 0) {
            downloadFailures--;
            throw new ProviderUnavailableException(
                    "download link expired and could not be refreshed", 403, null, null, null);
        }
        byte[] content = contentOf(ref, file.kind());
        if (crashInDownload) {
            crashInDownload = false;
            return new InputStream() {
                private int read;

                @Override
                public int read() {
                    if (read == content.length / 2) throw new SimulatedCrash("mid-download");
                    return content[read++] & 0xff;
                }
            };
        }
        return new ByteArrayInputStream(content);
    }

    /** The bytes a download of {@code ref}'s {@code kind} yields. */
    public static byte[] contentOf(ProviderRef ref, AssetKind kind) {
        return (kind + " of " + ref).getBytes(StandardCharsets.UTF_8);
    }

    @Override
    public synchronized void cancel(ProviderRef ref) {
        canceled.add(ref);
    }

    @Override
    public Page<Catalog.Avatar> avatars(PageRequest page) {
        return new Page<>(
                List.of(new Catalog.Avatar("Daisy-inskirt-20220818", "Daisy", "female", "studio_avatar", null)), null);
    }

    @Override
    public Page<Catalog.VoiceEntry> voices(PageRequest page) {
        return new Page<>(
                List.of(new Catalog.VoiceEntry("2d5b0e6cf36f460aa7fc47e3eee4ba54", "Voice", "English", "female")),
                null);
    }

    @Override
    public Page<Catalog.Template> templates(PageRequest page) {
        return new Page<>(List.of(new Catalog.Template("tpl_welcome", "Welcome", "16:9")), null);
    }

    @Override
    public Catalog.TemplateDetail template(String templateId) {
        if (!templateId.equals("tpl_welcome"))
            throw new NotFoundException("no template " + templateId, 404, "not_found", null, null);
        return new Catalog.TemplateDetail(
                templateId,
                "Welcome",
                List.of(
                        new Catalog.Variable("name", TemplateVariable.Type.TEXT),
                        new Catalog.Variable("company", TemplateVariable.Type.TEXT)));
    }

    @Override
    public Catalog.Account account() {
        return new Catalog.Account("fake", "pay_as_you_go", 100, "credits", capabilities.maxConcurrency());
    }

    /** Renders really created for this key (must be ≤ 1 for every key). */
    public synchronized int createsFor(IdempotencyKey key) {
        return createsPerKey.getOrDefault(key.value(), 0);
    }

    public synchronized int totalCreates() {
        return createsPerKey.values().stream().mapToInt(Integer::intValue).sum();
    }

    public int submitCalls() {
        return submitCalls.get();
    }

    public synchronized int statusReads(ProviderRef ref) {
        return reads.getOrDefault(ref, 0);
    }

    /** Status requests made: a bulk read of many renders counts once. */
    public synchronized int statusRequests() {
        return statusRequests;
    }

    public synchronized List<ProviderRef> canceled() {
        return List.copyOf(canceled);
    }
}
