package dev.avatarkit.core.port;

import java.time.Duration;

/**
 * What a provider adapter says about the requests it makes, for metrics: no request data, no ids, no secrets —
 * only the route template (e.g. {@code GET v3/videos/{video_id}}), how it ended and how long it took. Called on the
 * adapter's own threads, so implementations must be quick and must not throw.
 */
public interface ProviderCallListener {
    /** Listens to nothing. */
    ProviderCallListener NONE = new ProviderCallListener() {};

    /**
     * One HTTP exchange with the provider.
     *
     * @param outcome {@code 2xx}, {@code 3xx}, {@code 4xx}, {@code 429}, {@code 5xx}, or {@code io_error}
     */
    default void exchanged(String provider, String route, String outcome, Duration latency) {}

    /**
     * A call is tried again after a failure the adapter retries itself.
     *
     * @param reason {@code rate_limited}, {@code unavailable}, {@code outcome_unknown} or {@code conflict}
     */
    default void retrying(String provider, String operation, String reason) {}
}
