package dev.avatarkit.core.usecase;

import dev.avatarkit.core.domain.Character;
import dev.avatarkit.core.domain.IdentitySpec;
import dev.avatarkit.core.domain.JobSpec;
import dev.avatarkit.core.domain.Scene;
import dev.avatarkit.core.domain.StillSpec;
import dev.avatarkit.core.domain.TemplateSpec;
import dev.avatarkit.core.domain.UnsupportedCapabilityException;
import dev.avatarkit.core.domain.VideoSpec;
import dev.avatarkit.core.domain.Voice;
import dev.avatarkit.core.port.ProviderCapabilities;
import dev.avatarkit.core.port.ProviderCapabilities.Feature;
import java.util.EnumSet;
import java.util.Set;

/** What a spec needs from a provider, and the refusal (before anything is stored or sent) when it lacks it. */
public final class Capabilities {
    private Capabilities() {}

    /** The features rendering {@code spec} takes. */
    public static Set<Feature> needed(JobSpec spec) {
        Set<Feature> needed = EnumSet.noneOf(Feature.class);
        if (spec instanceof TemplateSpec) needed.add(Feature.TEMPLATES);
        if (spec instanceof IdentitySpec) needed.add(Feature.IDENTITIES);
        if (spec instanceof StillSpec) needed.add(Feature.STILLS);
        if (spec instanceof VideoSpec video) {
            needed.add(Feature.VIDEOS);
            for (Scene scene : video.scenes()) {
                if (scene.character() instanceof Character.TalkingPhoto
                        || scene.character() instanceof Character.Image) {
                    needed.add(Feature.PHOTO_AVATARS);
                }
                if (scene.voice() instanceof Voice.Audio) needed.add(Feature.AUDIO_SCRIPTS);
            }
        }
        return needed;
    }

    /** @throws UnsupportedCapabilityException naming the provider and the first missing feature */
    public static void require(String provider, ProviderCapabilities capabilities, JobSpec spec) {
        for (Feature feature : needed(spec)) {
            if (!capabilities.has(feature)) throw new UnsupportedCapabilityException(provider, describe(feature));
        }
    }

    /** @throws UnsupportedCapabilityException when {@code feature} is missing */
    public static void require(String provider, ProviderCapabilities capabilities, Feature feature) {
        if (!capabilities.has(feature)) throw new UnsupportedCapabilityException(provider, describe(feature));
    }

    static String describe(Feature feature) {
        return switch (feature) {
            case VIDEOS -> "avatar videos";
            case TEMPLATES -> "templates";
            case IDENTITIES -> "creating avatar identities";
            case STILLS -> "stills";
            case WEBHOOKS -> "webhooks";
            case PHOTO_AVATARS -> "talking photos / image avatars";
            case AUDIO_SCRIPTS -> "audio scripts";
            case CATALOG -> "avatar and voice listings";
            case CREDITS -> "account credit";
        };
    }
}
