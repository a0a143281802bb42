package dev.avatarkit.core.spi;

import dev.avatarkit.core.domain.ProviderRoute;
import dev.avatarkit.core.port.ProviderCapabilities;
import java.util.List;

/**
 * The providers jobs can be routed to. The engine asks it for the provider of each job's stored route, so a job is
 * always finished by the provider and dialect that accepted it.
 */
public interface ProviderDirectory {
    /** The route new jobs take when the caller names no provider (configured default provider, current dialect). */
    ProviderRoute defaultRoute();

    /**
     * The route a new job for {@code provider} takes: that provider's configured dialect.
     *
     * @throws dev.avatarkit.core.domain.ValidationException naming the installed providers when it is unknown
     */
    ProviderRoute routeFor(String provider);

    /**
     * The opened provider for a stored route (opened on first use). A route without a dialect gets the provider's
     * configured dialect.
     *
     * @throws dev.avatarkit.core.domain.ValidationException when no such provider is installed
     */
    Provider open(ProviderRoute route);

    /** What a route's provider can do, without opening it (no I/O). */
    ProviderCapabilities capabilities(ProviderRoute route);

    /** The installed providers' names, the default first. */
    List<String> names();
}
