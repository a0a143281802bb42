package dev.avatarkit.heygen;

/** The VideoProvider contract on the v3 dialect against the simulator. */
class HeyGenV3SimulatorIT extends SimulatorProviderContract {
    @Override
    protected ApiVersion version() {
        return ApiVersion.V3;
    }
}
