package dev.avatarkit.core.spi;

import dev.avatarkit.core.port.AvatarProvider;
import dev.avatarkit.core.port.ProviderCapabilities;
import dev.avatarkit.core.port.ProviderEvents;
import dev.avatarkit.core.port.VideoProvider;
import java.util.Optional;

/**
 * One opened provider dialect: the ports it implements. Parts a provider does not have are empty, and its
 * {@link #capabilities()} say so, so callers can refuse a request before anything is sent.
 */
public interface Provider extends AutoCloseable {
    /** The plugin's name, e.g. {@code heygen}. */
    String name();

    /** The dialect this instance speaks ({@code ""} when the provider has one). */
    String dialect();

    ProviderCapabilities capabilities();

    Optional<VideoProvider> videos();

    default Optional<AvatarProvider> avatars() {
        return Optional.empty();
    }

    /** The webhook verifier, when the provider sends webhooks. */
    default Optional<ProviderEvents> events() {
        return Optional.empty();
    }

    /** Releases connections and threads. Idempotent. */
    @Override
    default void close() {}
}
