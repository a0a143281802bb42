package dev.avatarkit.core.port;

import dev.avatarkit.core.domain.IdempotencyKey;
import dev.avatarkit.core.domain.IdentitySpec;
import dev.avatarkit.core.domain.ProviderRef;
import dev.avatarkit.core.domain.StillSpec;
import java.io.InputStream;
import java.util.List;

/**
 * Creates AI avatar identities and renders stills of them (HeyGen v3 prompt avatars / legacy photo avatars).
 * Same error contract as {@link VideoProvider}: only {@link ProviderException}s escape; creates take the job's
 * idempotency key and reuse it on every retry.
 */
public interface AvatarProvider {
    String name();

    ProviderCapabilities capabilities();

    /**
     * Uploads one reference image (≤ 32 MB) and returns the provider's asset id. Keyed so a retried upload does not
     * create a second asset where the provider supports keys.
     */
    String uploadReference(IdempotencyKey key, String fileName, String contentType, InputStream content, long size);

    /**
     * Starts the identity: its base look, rendered from the spec's prompt and attributes, conditioned on the
     * references: provider asset ids (from {@link #uploadReference}) or http(s) URLs the provider fetches itself.
     * The returned ref is polled with {@link #status}.
     */
    Submission createIdentity(IdempotencyKey key, IdentitySpec spec, List<String> referenceAssetIds);

    /** Renders one still of an identity, visually referencing its base look so the identity stays consistent. */
    Submission generateStill(IdempotencyKey key, StillSpec spec);

    /** Status of an identity's base look or of a still; results hold the image as {@code STILL}. */
    RenderStatus status(ProviderRef ref);

    /** As {@link VideoProvider#download}: fresh URL on expiry, resume on drop, constant memory. */
    InputStream download(ProviderRef ref, ResultFile file);
}
