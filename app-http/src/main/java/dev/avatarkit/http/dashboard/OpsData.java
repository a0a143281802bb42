package dev.avatarkit.http.dashboard;

import dev.avatarkit.core.domain.JobState;
import dev.avatarkit.core.domain.UnsupportedCapabilityException;
import dev.avatarkit.core.port.Catalog;
import dev.avatarkit.core.port.JobStore;
import dev.avatarkit.core.port.ProviderCapabilities;
import dev.avatarkit.core.port.ProviderException;
import dev.avatarkit.core.port.VideoProvider;
import java.util.List;

/**
 * The one place the Ops page learns about providers: each provider's capabilities, its account (where it reports
 * one), its queue and renders in flight. Today the server has one provider; when it has several, only this class
 * changes (it takes the providers, the page loops over {@link #providers()}).
 */
final class OpsData {
    /** One provider as the Ops page shows it; {@code account} is null with {@code accountNote} saying why. */
    record ProviderView(String name, ProviderCapabilities capabilities, Catalog.Account account, String accountNote,
                        int queued, int inFlight) {}

    private final VideoProvider provider;
    private final JobStore jobs;

    OpsData(VideoProvider provider, JobStore jobs) {
        this.provider = provider;
        this.jobs = jobs;
    }

    List<ProviderView> providers() {
        String name = provider.name();
        Catalog.Account account = null;
        String note = null;
        if (!provider.capabilities().has(ProviderCapabilities.Feature.CREDITS)) {
            note = "this provider does not report credits";
        } else {
            try {
                account = provider.account();
            } catch (UnsupportedCapabilityException e) {
                note = "this provider does not report credits";
            } catch (ProviderException e) {
                note = "the provider did not answer: " + e.getMessage();
            }
        }
        int inFlight = jobs.count(name, JobState.SUBMITTING) + jobs.count(name, JobState.RENDERING) + jobs.count(name, JobState.DOWNLOADING);
        return List.of(new ProviderView(name, provider.capabilities(), account, note, jobs.count(name, JobState.QUEUED), inFlight));
    }
}
