package dev.avatarkit.core.engine;

import dev.avatarkit.core.domain.IdempotencyKey;
import dev.avatarkit.core.domain.IdentitySpec;
import dev.avatarkit.core.domain.Job;
import dev.avatarkit.core.domain.ProviderRef;
import dev.avatarkit.core.domain.ProviderRoute;
import dev.avatarkit.core.domain.StillSpec;
import dev.avatarkit.core.domain.UnsupportedCapabilityException;
import dev.avatarkit.core.port.AvatarProvider;
import dev.avatarkit.core.port.ProviderCapabilities;
import dev.avatarkit.core.port.RenderStatus;
import dev.avatarkit.core.port.ResultFile;
import dev.avatarkit.core.port.Sleeper;
import dev.avatarkit.core.port.Submission;
import dev.avatarkit.core.port.SubmitRequest;
import dev.avatarkit.core.port.VideoProvider;
import dev.avatarkit.core.spi.Provider;
import dev.avatarkit.core.spi.ProviderDirectory;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.net.URI;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;

/**
 * Routes a job to the provider that accepted it (its stored {@link ProviderRoute}), and within it to the port for
 * its kind: videos and templates to video, identities and stills to avatar.
 */
final class Renderers {
    private final ProviderDirectory providers;
    private final URI callbackBase;
    private final Duration statusBatchWindow;
    private final Map<ProviderRoute, StatusReads> videoStatuses = new ConcurrentHashMap<>();
    private final Map<ProviderRoute, ResultReads> resultReads = new ConcurrentHashMap<>();

    /** @param callbackBase the public base URL webhooks reach ({@code …/webhooks/<provider>} is appended); null = poll only */
    Renderers(ProviderDirectory providers, URI callbackBase, Duration statusBatchWindow) {
        this.providers = providers;
        this.callbackBase = callbackBase;
        this.statusBatchWindow = statusBatchWindow;
    }

    ProviderCapabilities capabilities(Job job) {
        return isAvatar(job)
                ? avatarProvider(job).capabilities()
                : videoProvider(job).capabilities(job.spec());
    }

    Submission submit(Job job) {
        IdempotencyKey key = job.providerKey();
        if (job.spec() instanceof StillSpec still) return avatarProvider(job).generateStill(key, still);
        if (job.spec() instanceof IdentitySpec identity) {
            return avatarProvider(job).createIdentity(key, identity, references(job, identity));
        }
        return videoProvider(job).submit(new SubmitRequest(job.spec(), key, callbackUrl(job)));
    }

    RenderStatus status(Job job) {
        ProviderRef ref = job.providerRef();
        if (isAvatar(job)) return avatarProvider(job).status(ref);
        VideoProvider video = videoProvider(job);
        return readsFor(job.route(), video).read(ref);
    }

    /** The coalesced reads a job's render status goes through; null for avatar jobs (read one by one). */
    StatusReads statusReads(Job job) {
        return isAvatar(job) ? null : readsFor(job.route(), videoProvider(job));
    }

    /** One coalescing reader per route: a bulk read covers the renders of one provider account and dialect. */
    private StatusReads readsFor(ProviderRoute route, VideoProvider video) {
        return videoStatuses.computeIfAbsent(route, r -> new StatusReads(video, statusBatchWindow));
    }

    /**
     * A status with the result URLs a bulk read does not carry: read alone, or with others' where the dialect reads
     * statuses in bulk (the renders of a wave found by one bulk read download at the same time).
     */
    RenderStatus freshStatus(Job job) {
        ProviderRef ref = job.providerRef();
        if (isAvatar(job)) return avatarProvider(job).status(ref);
        VideoProvider video = videoProvider(job);
        if (!video.capabilities().bulkStatus()) return video.status(ref);
        return resultReads
                .computeIfAbsent(job.route(), r -> new ResultReads(video, statusBatchWindow, Sleeper.system()))
                .read(ref);
    }

    /** Only videos can be found by key on legacy dialects; avatars on legacy cannot be reconciled. */
    Optional<ProviderRef> reconcile(Job job, Instant since) {
        if (isAvatar(job)) return Optional.empty();
        return videoProvider(job).reconcile(job.providerKey(), since);
    }

    InputStream download(Job job, ResultFile file) {
        return isAvatar(job)
                ? avatarProvider(job).download(job.providerRef(), file)
                : videoProvider(job).download(job.providerRef(), file);
    }

    void cancel(Job job) {
        if (!isAvatar(job) && job.providerRef() != null) videoProvider(job).cancel(job.providerRef());
    }

    /** http(s) references go to the provider as URLs; local files are uploaded first (keyed per job and index). */
    private List<String> references(Job job, IdentitySpec identity) {
        IdempotencyKey key = job.providerKey();
        List<String> ids = new ArrayList<>();
        int index = 0;
        for (String reference : identity.references()) {
            index++;
            if (reference.startsWith("https://") || reference.startsWith("http://")) {
                ids.add(reference);
                continue;
            }
            Path file = Path.of(reference);
            try (InputStream in = Files.newInputStream(file)) {
                String type = Optional.ofNullable(Files.probeContentType(file)).orElse("image/png");
                ids.add(avatarProvider(job)
                        .uploadReference(
                                new IdempotencyKey(key.value() + "-ref" + index),
                                file.getFileName().toString(),
                                type,
                                in,
                                Files.size(file)));
            } catch (IOException e) {
                throw new UncheckedIOException("cannot read reference image " + file + ": " + e.getMessage(), e);
            }
        }
        return ids;
    }

    private static boolean isAvatar(Job job) {
        return job.spec() instanceof StillSpec || job.spec() instanceof IdentitySpec;
    }

    /** {@code …/webhooks/<provider>} under the public URL, so each provider's webhooks reach its own verifier. */
    private URI callbackUrl(Job job) {
        if (callbackBase == null) return null;
        return URI.create(callbackBase.toString().replaceAll("/+$", "") + "/webhooks/"
                + job.route().provider());
    }

    private VideoProvider videoProvider(Job job) {
        Provider provider = providers.open(job.route());
        return provider.videos().orElseThrow(() -> new UnsupportedCapabilityException(provider.name(), "videos"));
    }

    private AvatarProvider avatarProvider(Job job) {
        Provider provider = providers.open(job.route());
        return provider.avatars()
                .orElseThrow(() -> new UnsupportedCapabilityException(provider.name(), "identities and stills"));
    }
}
