package dev.avatarkit.runtime.faults;

/**
 * The fault matrix on HeyGen's legacy v2 (no idempotency key: callback_id + reconcile). A job whose create never
 * reached the simulator after an ambiguous outcome may end NEEDS_ATTENTION; one that was created must succeed.
 */
class FaultMatrixV2IT extends FaultMatrix {
    @Override
    String version() {
        return "v2";
    }
}
