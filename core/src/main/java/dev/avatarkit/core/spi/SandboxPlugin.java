package dev.avatarkit.core.spi;

import java.time.Duration;
import java.util.List;
import java.util.Map;

/**
 * A local stand-in for a provider (its simulator), found with {@link java.util.ServiceLoader}, that backs
 * {@code --sandbox}: every command works with no key and no network.
 */
public interface SandboxPlugin {
    /** The {@link ProviderPlugin#name()} this sandbox stands in for. */
    String provider();

    /** Starts the simulator on a loopback port. Renders take about {@code renderTime}. */
    Running start(Duration renderTime);

    /** A started sandbox. */
    interface Running extends AutoCloseable {
        /** The provider settings that point the provider at this sandbox (base URL, key, webhook secret). */
        Map<String, String> settings();

        /**
         * Makes a freshly started simulator know renders a previous sandbox process accepted, so a restarted sandbox
         * finishes them instead of answering "not found". Refs it cannot rebuild are skipped.
         *
         * @return how many were adopted
         */
        default int adopt(List<UnfinishedRender> renders) {
            return 0;
        }

        @Override
        void close();
    }

    /**
     * A render an unfinished job holds.
     *
     * @param image   true for an image (identity look, still base look), false for a video
     * @param dialect the dialect that accepted it
     */
    record UnfinishedRender(String ref, boolean image, String dialect) {}
}
