package dev.avatarkit.heygen;

import java.util.concurrent.Semaphore;

/**
 * Bounds how many create calls are in flight against the account at once (HEYGEN_MAX_CONCURRENCY). Renders that
 * are already accepted are the engine's to count (it learns completions by polling); this gate keeps a burst of
 * submissions from tripping HeyGen's concurrency 429s. Fair, so submissions go in arrival order.
 */
final class CreateCallGate {
    private final Semaphore permits;

    CreateCallGate(int max) {
        this.permits = new Semaphore(max, true);
    }

    void acquire() throws InterruptedException {
        permits.acquire();
    }

    void release() {
        permits.release();
    }

    int available() {
        return permits.availablePermits();
    }
}
