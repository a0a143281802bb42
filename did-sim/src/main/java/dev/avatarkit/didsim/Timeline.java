package dev.avatarkit.didsim;

import java.time.Duration;
import java.time.Instant;

/**
 * Where an asynchronous D-ID job is, read off the clock each time it is looked at: {@code created} for the first fifth
 * of the render time (queued), then the running word ({@code started}; {@code training-started} for scene avatars),
 * then its ending. Nothing runs in the background, so a manual clock drives it exactly.
 */
final class Timeline {
    /** How the job ends once its time is up (faults pick the unhappy ones). */
    enum Ending {
        DONE("done"),
        ERROR("error"),
        REJECTED("rejected");

        final String word;

        Ending(String word) {
            this.word = word;
        }
    }

    private static final double QUEUED_SHARE = 0.2;
    private final Duration renderTime;
    private final String runningWord;
    private final Ending ending;
    private final Instant clockStart;
    private String status = "created";
    private Instant startedAt;
    private Instant completedAt;
    private Instant modifiedAt;

    Timeline(Instant start, Duration renderTime, String runningWord, Ending ending) {
        this.clockStart = start;
        this.modifiedAt = start;
        this.renderTime = renderTime;
        this.runningWord = runningWord;
        this.ending = ending;
    }

    /** Moves the status on to where the clock says it is; returns it. */
    synchronized String advance(Instant now) {
        Instant start = clockStart.plus(Duration.ofNanos((long) (renderTime.toNanos() * QUEUED_SHARE)));
        Instant end = clockStart.plus(renderTime);
        if ("created".equals(status) && !now.isBefore(start)) {
            status = runningWord;
            startedAt = modifiedAt = start;
        }
        if (runningWord.equals(status) && !now.isBefore(end)) {
            status = ending.word;
            completedAt = modifiedAt = end;
        }
        return status;
    }

    synchronized boolean finished() {
        return !"created".equals(status) && !runningWord.equals(status);
    }

    synchronized Instant startedAt() {
        return startedAt;
    }

    synchronized Instant completedAt() {
        return completedAt;
    }

    synchronized Instant modifiedAt() {
        return modifiedAt;
    }
}
