package dev.avatarkit.core.spi;

import dev.avatarkit.core.port.ProviderCapabilities;
import java.util.List;

/**
 * A provider adapter as a plugin, found with {@link java.util.ServiceLoader}. The plugin is cheap to construct (no
 * I/O): the runtime lists every installed plugin for {@code providers list} and opens only the ones jobs use.
 *
 * <p>A provider may speak several API dialects (HeyGen: {@code v3}, {@code v2}). Every job stores the provider and
 * dialect that accepted it, and is polled, downloaded and reconciled by that dialect whatever the settings say now.
 */
public interface ProviderPlugin {
    /** The stable name stored on jobs and given as {@code AVATARKIT_PROVIDER} / {@code --provider}: {@code heygen}. */
    String name();

    /** One line for listings: what the provider is. */
    String description();

    /** The settings this provider reads (environment names; also accepted in the config file). */
    List<Setting> settings();

    /** The dialect new jobs use under these settings (HeyGen's {@code HEYGEN_API_VERSION}); {@code ""} for one dialect. */
    String dialect(ProviderSettings settings);

    /**
     * Checks the settings without any I/O (URLs, numbers, the dialect), so the application reports a bad value at
     * start, naming its key, rather than on the first job. The default checks nothing.
     *
     * @throws dev.avatarkit.core.domain.ValidationException naming the setting
     */
    default void validate(ProviderSettings settings) {}

    /** What {@code dialect} can do under these settings, without any I/O (for listings and for refusing early). */
    ProviderCapabilities capabilities(ProviderSettings settings, String dialect);

    /**
     * Opens the provider speaking {@code dialect}. No network at open time; missing required settings (an API key)
     * are reported when a call needs them, so reading stored jobs works without a key. Close the result on shutdown.
     *
     * @throws IllegalArgumentException for a dialect this provider does not speak
     */
    Provider open(ProviderSettings settings, String dialect, ProviderContext context);
}
