package dev.avatarkit.core.engine;

import dev.avatarkit.core.domain.IdempotencyKey;
import dev.avatarkit.core.domain.IdentitySpec;
import dev.avatarkit.core.domain.Job;
import dev.avatarkit.core.domain.StillSpec;
import dev.avatarkit.core.domain.ValidationException;
import dev.avatarkit.core.port.AvatarProvider;
import dev.avatarkit.core.port.ProviderCapabilities;
import dev.avatarkit.core.port.RenderStatus;
import dev.avatarkit.core.port.ResultFile;
import dev.avatarkit.core.port.Submission;
import dev.avatarkit.core.port.SubmitRequest;
import dev.avatarkit.core.port.VideoProvider;
import dev.avatarkit.core.domain.ProviderRef;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.net.URI;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

/** Routes a job to the provider port for its kind: videos and templates to video, identities and stills to avatar. */
final class Renderers {
    private final VideoProvider video;
    private final AvatarProvider avatar;
    private final URI callbackUrl;
    private final StatusReads videoStatuses;

    Renderers(VideoProvider video, AvatarProvider avatar, URI callbackUrl, java.time.Duration statusBatchWindow) {
        this.video = video;
        this.avatar = avatar;
        this.callbackUrl = callbackUrl;
        this.videoStatuses = video == null ? null : new StatusReads(video, statusBatchWindow);
    }

    ProviderCapabilities capabilities(Job job) {
        return isAvatar(job) ? avatarProvider().capabilities() : videoProvider().capabilities(job.spec());
    }

    Submission submit(Job job) {
        IdempotencyKey key = job.providerKey();
        if (job.spec() instanceof StillSpec still) return avatarProvider().generateStill(key, still);
        if (job.spec() instanceof IdentitySpec identity) {
            return avatarProvider().createIdentity(key, identity, references(key, identity));
        }
        return videoProvider().submit(new SubmitRequest(job.spec(), key, callbackUrl));
    }

    RenderStatus status(Job job) {
        ProviderRef ref = job.providerRef();
        if (isAvatar(job)) return avatarProvider().status(ref);
        videoProvider();
        return videoStatuses.read(ref);
    }

    /** The coalesced reads a job's render status goes through; null for avatar jobs (read one by one). */
    StatusReads statusReads(Job job) {
        return isAvatar(job) ? null : videoStatuses;
    }

    /** A status read on its own (never batched), for the result URLs a bulk read does not carry. */
    RenderStatus freshStatus(Job job) {
        ProviderRef ref = job.providerRef();
        return isAvatar(job) ? avatarProvider().status(ref) : videoProvider().status(ref);
    }

    /** Only videos can be found by key on legacy dialects; avatars on legacy cannot be reconciled. */
    Optional<ProviderRef> reconcile(Job job, Instant since) {
        if (isAvatar(job)) return Optional.empty();
        return videoProvider().reconcile(job.providerKey(), since);
    }

    InputStream download(Job job, ResultFile file) {
        return isAvatar(job) ? avatarProvider().download(job.providerRef(), file)
                : videoProvider().download(job.providerRef(), file);
    }

    void cancel(Job job) {
        if (!isAvatar(job) && job.providerRef() != null) videoProvider().cancel(job.providerRef());
    }

    /** http(s) references go to the provider as URLs; local files are uploaded first (keyed per job and index). */
    private List<String> references(IdempotencyKey key, IdentitySpec identity) {
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
                ids.add(avatarProvider().uploadReference(new IdempotencyKey(key.value() + "-ref" + index),
                        file.getFileName().toString(), type, in, Files.size(file)));
            } catch (IOException e) {
                throw new UncheckedIOException("cannot read reference image " + file + ": " + e.getMessage(), e);
            }
        }
        return ids;
    }

    private static boolean isAvatar(Job job) {
        return job.spec() instanceof StillSpec || job.spec() instanceof IdentitySpec;
    }

    private VideoProvider videoProvider() {
        if (video == null) throw new ValidationException("provider", "no video provider is configured");
        return video;
    }

    private AvatarProvider avatarProvider() {
        if (avatar == null) throw new ValidationException("provider", "no avatar provider is configured");
        return avatar;
    }
}
