package dev.avatarkit.testkit.fakes;

import dev.avatarkit.core.domain.AssetKind;
import dev.avatarkit.core.domain.IdempotencyKey;
import dev.avatarkit.core.domain.IdentitySpec;
import dev.avatarkit.core.domain.JobError;
import dev.avatarkit.core.domain.ProviderRef;
import dev.avatarkit.core.domain.StillSpec;
import dev.avatarkit.core.port.AvatarProvider;
import dev.avatarkit.core.port.NotFoundException;
import dev.avatarkit.core.port.ProviderCapabilities;
import dev.avatarkit.core.port.RenderPhase;
import dev.avatarkit.core.port.RenderStatus;
import dev.avatarkit.core.port.ResultFile;
import dev.avatarkit.core.port.Submission;
import java.awt.image.BufferedImage;
import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Deque;
import java.util.HashMap;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.function.Supplier;
import javax.imageio.ImageIO;

/**
 * A scriptable in-memory {@link AvatarProvider}. By default every create succeeds, every look completes on its
 * second status read, and a download yields a small real PNG that differs per look (a still's image is derived
 * from its shot slug). Scripts: {@link #failShotOnce} (the first render of that shot fails), {@link #crashOnCreate}
 * (the process dies at the n-th create call, before or after the provider made the look), {@link #onNextCreate}.
 * Counters show how many looks were really made per key — the number that must never exceed one.
 */
public final class FakeAvatarProvider implements AvatarProvider {
    private record Look(String seed, Deque<RenderStatus> script) {}

    private final ProviderCapabilities capabilities;
    private final Map<String, ProviderRef> createdByKey = new HashMap<>();
    private final Map<String, Integer> createsPerKey = new LinkedHashMap<>();
    private final Map<ProviderRef, Look> looks = new HashMap<>();
    private final Map<String, String> uploadsByKey = new LinkedHashMap<>();
    private final List<List<String>> identityReferences = new ArrayList<>();
    private final List<StillSpec> stillRequests = new ArrayList<>();
    private final Set<Integer> failShots = new HashSet<>();
    private final Deque<Supplier<RuntimeException>> createFailures = new ArrayDeque<>();
    private final Map<ProviderRef, ProviderRef> successors = new HashMap<>();
    private boolean phasedIdentities;
    private int createCalls;
    private int identityCreates;
    private int stillCreates;
    private int crashAtCall;
    private boolean crashAfterCreating;
    private int nextId;

    public FakeAvatarProvider(ProviderCapabilities capabilities) {
        this.capabilities = capabilities;
    }

    /** Like HeyGen v3 prompt avatars: keyed creates (a resent key returns the same look). */
    public static FakeAvatarProvider v3Like(int maxConcurrency) {
        return new FakeAvatarProvider(new ProviderCapabilities(true, true, 5000, maxConcurrency));
    }

    /** Like the legacy photo-avatar routes: no keys, so a resent create makes a second look. */
    public static FakeAvatarProvider legacyLike(int maxConcurrency) {
        return new FakeAvatarProvider(new ProviderCapabilities(false, false, 1500, maxConcurrency));
    }

    /** The first render of the still with this shot index fails (a later retry, under a new key, succeeds). */
    public synchronized FakeAvatarProvider failShotOnce(int shotIndex) {
        failShots.add(shotIndex);
        return this;
    }

    /** The {@code callNumber}-th create call (1-based, identity and stills alike) dies like {@code kill -9}. */
    public synchronized FakeAvatarProvider crashOnCreate(int callNumber, boolean afterCreating) {
        crashAtCall = callNumber;
        crashAfterCreating = afterCreating;
        return this;
    }

    /** The next create call throws this (nothing is created). */
    public synchronized FakeAvatarProvider onNextCreate(Supplier<RuntimeException> failure) {
        createFailures.add(failure);
        return this;
    }

    @Override
    public String name() {
        return "fake-avatar";
    }

    @Override
    public ProviderCapabilities capabilities() {
        return capabilities;
    }

    @Override
    public synchronized String uploadReference(
            IdempotencyKey key, String fileName, String contentType, InputStream content, long size) {
        try {
            content.readAllBytes();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        return uploadsByKey.computeIfAbsent(key.value(), k -> "asset_" + (uploadsByKey.size() + 1));
    }

    /**
     * Identities are made in two phases, like HeyGen's legacy photo avatars: the create answers {@code phase1_<look>},
     * whose first status read moves the render to {@code <look>} (a successor ref). The spent ref is then unknown, so
     * an engine that kept polling it would see the render vanish.
     */
    public synchronized FakeAvatarProvider identitiesInPhases() {
        phasedIdentities = true;
        return this;
    }

    @Override
    public synchronized Submission createIdentity(
            IdempotencyKey key, IdentitySpec spec, List<String> referenceAssetIds) {
        identityReferences.add(List.copyOf(referenceAssetIds));
        Submission made = create(key, "identity " + spec.name(), -1, () -> identityCreates++);
        if (!phasedIdentities) return made;
        ProviderRef first = new ProviderRef("phase1_" + made.ref().value());
        successors.put(first, made.ref());
        return new Submission(first, "generating");
    }

    @Override
    public synchronized Submission generateStill(IdempotencyKey key, StillSpec spec) {
        stillRequests.add(spec);
        return create(key, "still " + spec.shot().slug(), spec.shot().index(), () -> stillCreates++);
    }

    private Submission create(IdempotencyKey key, String seed, int shotIndex, Runnable countKind) {
        int call = ++createCalls;
        boolean crash = call == crashAtCall;
        if (crash && !crashAfterCreating)
            throw new SimulatedCrash("before create call " + call + " reached the provider");
        Supplier<RuntimeException> failure = createFailures.poll();
        if (failure != null) throw failure.get();
        ProviderRef ref = createdByKey.get(key.value());
        if (ref == null || !capabilities.idempotentCreate()) {
            ref = new ProviderRef((shotIndex < 0 ? "look_base_" : "look_") + ++nextId);
            createdByKey.put(key.value(), ref);
            createsPerKey.merge(key.value(), 1, Integer::sum);
            countKind.run();
            looks.put(ref, new Look(seed, script(ref, failShots.remove(shotIndex))));
        }
        if (crash) throw new SimulatedCrash("after the provider created " + ref + " (create call " + call + ")");
        return new Submission(ref, "processing");
    }

    private static Deque<RenderStatus> script(ProviderRef ref, boolean fail) {
        RenderStatus last = fail
                ? new RenderStatus(
                        RenderPhase.FAILED,
                        "failed",
                        List.of(),
                        new JobError("generation_failed", "the look could not be generated", true),
                        null)
                : new RenderStatus(
                        RenderPhase.SUCCEEDED,
                        "completed",
                        List.of(new ResultFile(
                                AssetKind.STILL, URI.create("https://files.example/" + ref + ".png?sig=secret"))),
                        null,
                        null);
        return new ArrayDeque<>(List.of(RenderStatus.running("processing"), last));
    }

    @Override
    public synchronized RenderStatus status(ProviderRef ref) {
        ProviderRef next = successors.remove(ref);
        if (next != null) return RenderStatus.running("generating").movedTo(next);
        Look look = looks.get(ref);
        if (look == null) throw new NotFoundException("no look " + ref, 404, "AVATAR_NOT_FOUND", "req-1", null);
        return look.script().size() > 1 ? look.script().poll() : look.script().peek();
    }

    @Override
    public synchronized InputStream download(ProviderRef ref, ResultFile file) {
        Look look = looks.get(ref);
        if (look == null) throw new NotFoundException("no look " + ref, 404, "AVATAR_NOT_FOUND", "req-1", null);
        return new ByteArrayInputStream(png(look.seed()));
    }

    /** A 64×64 PNG whose colours and stripes come from {@code seed}: different seeds give different pixels. */
    public static byte[] png(String seed) {
        int hash = java.util.Arrays.hashCode(seed.getBytes(StandardCharsets.UTF_8));
        BufferedImage image = new BufferedImage(64, 64, BufferedImage.TYPE_INT_RGB);
        int background = 0x404040 | (hash & 0xBFBFBF);
        int stripe = ~background & 0xFFFFFF;
        for (int y = 0; y < 64; y++) {
            for (int x = 0; x < 64; x++) {
                boolean on = ((x / 8 + y / 8 + (hash >>> ((x / 8) % 24))) & 1) == 1;
                image.setRGB(x, y, on ? stripe : background);
            }
        }
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        try {
            ImageIO.write(image, "png", out);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        return out.toByteArray();
    }

    /** Looks really made for this key (must be ≤ 1 for every key). */
    public synchronized int createsFor(IdempotencyKey key) {
        return createsPerKey.getOrDefault(key.value(), 0);
    }

    /** The most looks made for any one key: 1 means nothing was ever paid for twice. */
    public synchronized int maxCreatesPerKey() {
        return createsPerKey.values().stream().mapToInt(Integer::intValue).max().orElse(0);
    }

    public synchronized int totalCreates() {
        return identityCreates + stillCreates;
    }

    public synchronized int identityCreates() {
        return identityCreates;
    }

    public synchronized int stillCreates() {
        return stillCreates;
    }

    /** Every create call, including resends and calls that failed. */
    public synchronized int createCalls() {
        return createCalls;
    }

    public synchronized int uploads() {
        return uploadsByKey.size();
    }

    /** The reference asset ids each identity create was given, in call order. */
    public synchronized List<List<String>> identityReferences() {
        return List.copyOf(identityReferences);
    }

    /** Every still request, in call order (resends included). */
    public synchronized List<StillSpec> stillRequests() {
        return List.copyOf(stillRequests);
    }
}
