package dev.avatarkit.http.dashboard;

import dev.avatarkit.core.domain.JobId;
import java.util.List;
import java.util.function.Function;
import java.util.function.Supplier;

/**
 * The server's admission control, for work the dashboard creates: the same caps on unfinished jobs per API token and
 * in total as the JSON API, so a signed-in browser cannot grow the queue past what a script could.
 */
public interface Admit {
    /**
     * Reserves {@code slots} places for the session's token, runs {@code create}, and counts the jobs {@code jobs}
     * names against that token until they finish.
     *
     * @throws QueueFull when a cap would be passed; nothing was created
     */
    <T> T admitted(int token, int slots, Supplier<T> create, Function<T, List<JobId>> jobs);

    /** Refused for now: the queue is at its cap. The message says which cap and what to do. */
    final class QueueFull extends RuntimeException {
        public QueueFull(String message) {
            super(message);
        }
    }
}
