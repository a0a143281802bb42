package dev.avatarkit.did;

import dev.avatarkit.core.domain.ProviderRef;
import java.util.Optional;

/**
 * A D-ID render as we store it: its resource ({@code talks} or {@code clips}, which builds every later path) and its
 * id, kept in one {@link ProviderRef} as {@code talk:tlk_…} or {@code clip:clp_…}.
 */
record DidRef(Resource resource, String id) {
    /** The two D-ID resources that render videos; they share statuses and shapes. */
    enum Resource {
        TALK("talks"),
        CLIP("clips");

        private final String path;

        Resource(String path) {
            this.path = path;
        }

        /** The URL segment: {@code talks} or {@code clips}. */
        String path() {
            return path;
        }

        String prefix() {
            return name().toLowerCase() + ":";
        }
    }

    ProviderRef toRef() {
        return new ProviderRef(resource.prefix() + id);
    }

    /** Our stored form; empty for a ref this adapter never made (it cannot name a D-ID resource). */
    static Optional<DidRef> parse(ProviderRef ref) {
        String value = ref.value();
        for (Resource r : Resource.values()) {
            if (value.startsWith(r.prefix()) && value.length() > r.prefix().length()) {
                return Optional.of(new DidRef(r, value.substring(r.prefix().length())));
            }
        }
        return Optional.empty();
    }

    /** A bare D-ID id (from a webhook): {@code tlk_}/{@code clp_} ids, or the {@code object} word, say which. */
    static Optional<DidRef> guess(String id, String object) {
        if (id == null || id.isBlank()) return Optional.empty();
        if ("clip".equals(object) || id.startsWith("clp_")) return Optional.of(new DidRef(Resource.CLIP, id));
        if ("talk".equals(object) || id.startsWith("tlk_")) return Optional.of(new DidRef(Resource.TALK, id));
        return Optional.empty();
    }
}
