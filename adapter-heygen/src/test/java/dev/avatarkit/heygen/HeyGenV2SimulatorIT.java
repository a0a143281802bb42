package dev.avatarkit.heygen;

/** The VideoProvider contract on the legacy v2 dialect against the simulator. */
class HeyGenV2SimulatorIT extends SimulatorProviderContract {
    @Override
    protected ApiVersion version() {
        return ApiVersion.V2;
    }
}
