package dev.avatarkit.runtime.faults;

/** The fault matrix on HeyGen v3 (Idempotency-Key): every job must succeed except FAIL_JOB. */
class FaultMatrixIT extends FaultMatrix {
    @Override
    String version() {
        return "v3";
    }
}
