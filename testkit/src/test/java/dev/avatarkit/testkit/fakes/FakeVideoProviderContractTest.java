package dev.avatarkit.testkit.fakes;

import dev.avatarkit.core.port.VideoProvider;
import dev.avatarkit.testkit.provider.VideoProviderContract;

/** The in-memory video fake passes the same port contract as the HeyGen and D-ID adapters. */
class FakeVideoProviderContractTest extends VideoProviderContract {
    private final FakeVideoProvider provider = FakeVideoProvider.v3Like(4);

    @Override
    protected VideoProvider provider() {
        return provider;
    }

    @Override
    protected void letRendersProgress() {
        // every status read moves a fake render on; nothing else has to pass
    }
}
