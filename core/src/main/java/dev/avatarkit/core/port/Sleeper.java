package dev.avatarkit.core.port;

import java.time.Duration;

/** Waits. Injected everywhere we back off, so tests record sleeps instead of sleeping. */
@FunctionalInterface
public interface Sleeper {
    void sleep(Duration duration) throws InterruptedException;

    /** The real thing. */
    static Sleeper system() {
        return duration -> Thread.sleep(duration.toMillis());
    }
}
