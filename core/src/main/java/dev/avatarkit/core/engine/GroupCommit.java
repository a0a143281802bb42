package dev.avatarkit.core.engine;

import dev.avatarkit.core.port.Sleeper;
import java.time.Duration;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionException;

/** What the coalescing readers ({@link StatusReads}, {@link ResultReads}) share: the leader's window, the wait. */
final class GroupCommit {
    private GroupCommit() {}

    /** Steps due at one instant start a few milliseconds apart on the scheduler's threads: let them join. */
    static void pause(Sleeper sleeper, Duration window) {
        if (window.isZero()) return;
        try {
            sleeper.sleep(window);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }

    /** The reader's own answer, or the provider's exception as it was thrown. */
    static <T> T await(CompletableFuture<T> mine) {
        try {
            return mine.join();
        } catch (CompletionException e) {
            if (e.getCause() instanceof RuntimeException cause) throw cause;
            throw e;
        }
    }
}
