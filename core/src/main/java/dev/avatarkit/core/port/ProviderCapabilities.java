package dev.avatarkit.core.port;

import dev.avatarkit.core.domain.Require;
import java.util.EnumSet;
import java.util.Set;

/**
 * What a provider dialect can do, so core decides policy and gates features without knowing the provider.
 *
 * @param idempotentCreate true when creates honour an idempotency key (HeyGen v3): an ambiguous create may be
 *                         resent with the same key; false: it must be reconciled first
 * @param bulkStatus       true when {@link VideoProvider#statuses} is one call per ≤100 ids (and the engine then
 *                         reads the files of renders found finished together, {@link VideoProvider#statusesWithResults})
 * @param maxScriptChars   the longest script per scene the dialect accepts
 * @param maxConcurrency   renders in flight per account (the concurrency gate's size)
 * @param features         what the provider offers beyond status reads; the apps refuse a request that needs a
 *                         missing feature before anything is stored or sent
 */
public record ProviderCapabilities(
        boolean idempotentCreate, boolean bulkStatus, int maxScriptChars, int maxConcurrency, Set<Feature> features) {

    /** A feature a provider may or may not have. The lowercase names appear in {@code providers list} and JSON. */
    public enum Feature {
        /** Plain avatar videos from a script. */
        VIDEOS,
        /** Videos from a stored template with variables. */
        TEMPLATES,
        /** New AI avatar identities from a prompt or photo. */
        IDENTITIES,
        /** Stills (images) of an identity. */
        STILLS,
        /** Webhooks that tell us when a render finishes. */
        WEBHOOKS,
        /** A talking photo: an image (or its URL) speaks the script. */
        PHOTO_AVATARS,
        /** An audio file instead of a text script. */
        AUDIO_SCRIPTS,
        /** Avatar and voice listings. */
        CATALOG,
        /** The account's remaining credit. */
        CREDITS;

        public String wireName() {
            return name().toLowerCase();
        }
    }

    public ProviderCapabilities {
        Require.that(maxScriptChars > 0, "maxScriptChars", "maxScriptChars must be positive, was " + maxScriptChars);
        Require.that(maxConcurrency > 0, "maxConcurrency", "maxConcurrency must be positive, was " + maxConcurrency);
        features = features == null || features.isEmpty() ? Set.of() : Set.copyOf(EnumSet.copyOf(features));
    }

    /** Capabilities of a video provider with every feature (what HeyGen offers); for tests and fakes. */
    public ProviderCapabilities(boolean idempotentCreate, boolean bulkStatus, int maxScriptChars, int maxConcurrency) {
        this(idempotentCreate, bulkStatus, maxScriptChars, maxConcurrency, EnumSet.allOf(Feature.class));
    }

    public boolean has(Feature feature) {
        return features.contains(feature);
    }

    public ProviderCapabilities withMaxConcurrency(int newMax) {
        return new ProviderCapabilities(idempotentCreate, bulkStatus, maxScriptChars, newMax, features);
    }
}
