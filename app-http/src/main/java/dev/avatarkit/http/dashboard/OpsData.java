package dev.avatarkit.http.dashboard;

import dev.avatarkit.core.domain.JobState;
import dev.avatarkit.core.domain.ProviderRoute;
import dev.avatarkit.core.domain.UnsupportedCapabilityException;
import dev.avatarkit.core.domain.ValidationException;
import dev.avatarkit.core.port.Catalog;
import dev.avatarkit.core.port.JobStore;
import dev.avatarkit.core.port.ProviderCapabilities;
import dev.avatarkit.core.port.ProviderException;
import dev.avatarkit.core.port.VideoProvider;
import dev.avatarkit.core.spi.ProviderDirectory;
import java.util.ArrayList;
import java.util.List;

/**
 * The one place the Ops page learns about providers: every installed provider's capabilities, its account (where it
 * reports one and is configured here), its queue and renders in flight.
 */
final class OpsData {
    /** One provider as the Ops page shows it; {@code account} is null with {@code accountNote} saying why. */
    record ProviderView(
            String name,
            ProviderCapabilities capabilities,
            Catalog.Account account,
            String accountNote,
            int queued,
            int inFlight) {}

    private final ProviderDirectory providers;
    private final JobStore jobs;

    OpsData(ProviderDirectory providers, JobStore jobs) {
        this.providers = providers;
        this.jobs = jobs;
    }

    List<ProviderView> providers() {
        List<ProviderView> views = new ArrayList<>();
        for (String name : providers.names()) {
            ProviderRoute route = providers.routeFor(name);
            ProviderCapabilities capabilities = providers.capabilities(route);
            Catalog.Account account = null;
            String note = null;
            if (!capabilities.has(ProviderCapabilities.Feature.CREDITS)) {
                note = "this provider does not report credits";
            } else {
                try {
                    account = providers
                            .open(route)
                            .videos()
                            .map(VideoProvider::account)
                            .orElse(null);
                } catch (UnsupportedCapabilityException e) {
                    note = "this provider does not report credits";
                } catch (ValidationException e) {
                    note = "not configured here: " + e.getMessage();
                } catch (ProviderException e) {
                    note = "the provider did not answer: " + e.getMessage();
                }
            }
            int inFlight = jobs.count(name, JobState.SUBMITTING)
                    + jobs.count(name, JobState.RENDERING)
                    + jobs.count(name, JobState.DOWNLOADING);
            views.add(new ProviderView(name, capabilities, account, note, jobs.count(name, JobState.QUEUED), inFlight));
        }
        return views;
    }
}
