package dev.avatarkit.sim;

import java.time.Duration;
import java.time.Instant;

/** One render job and its timeline; the visible status is derived from the clock, never stored as text. */
final class VideoJob {
    /** Internal life cycle; each API maps it to its own vocabulary. */
    enum State {
        QUEUED,
        RUNNING,
        COMPLETED,
        FAILED
    }

    final String id;
    final String apiKey;
    final Generation generation;
    final String title;
    final String script;
    final String callbackId;
    final String callbackUrl;
    final String idempotencyKey;
    final String folderId;
    final Instant createdAt;
    volatile State state = State.QUEUED;
    volatile Instant startedAt;
    volatile Instant finishAt;
    volatile Instant completedAt;
    volatile boolean deleted;
    // Preset outcome, decided at creation (faults, credits) so the job's future is deterministic.
    volatile String failCode;
    volatile String failMessage;
    volatile boolean watermarkWarning;
    volatile String unknownStatus;

    VideoJob(
            String id,
            String apiKey,
            Generation generation,
            String title,
            String script,
            String callbackId,
            String callbackUrl,
            String idempotencyKey,
            String folderId,
            Instant createdAt) {
        this.id = id;
        this.apiKey = apiKey;
        this.generation = generation;
        this.title = title;
        this.script = script;
        this.callbackId = callbackId;
        this.callbackUrl = callbackUrl;
        this.idempotencyKey = idempotencyKey;
        this.folderId = folderId;
        this.createdAt = createdAt;
    }

    boolean terminal() {
        State s = state;
        return s == State.COMPLETED || s == State.FAILED;
    }

    /** True during the first fifth of the render, when HeyGen still reports the job as pending. */
    private boolean early(Instant now, Duration render) {
        return startedAt != null && now.isBefore(startedAt.plus(render.dividedBy(5)));
    }

    /** {@code GET /v3/videos/{id}} vocabulary: pending|processing|completed|failed. */
    String v3Status(Instant now, Duration render) {
        return switch (state) {
            case QUEUED -> "pending";
            case RUNNING -> unknownStatus != null ? unknownStatus : early(now, render) ? "pending" : "processing";
            case COMPLETED -> "completed";
            case FAILED -> "failed";
        };
    }

    /** {@code GET /v1/video_status.get} vocabulary: waiting|pending|processing|completed|failed. */
    String legacyStatus(Instant now, Duration render) {
        return switch (state) {
            case QUEUED -> "waiting";
            case RUNNING -> unknownStatus != null ? unknownStatus : early(now, render) ? "pending" : "processing";
            case COMPLETED -> "completed";
            case FAILED -> "failed";
        };
    }

    /** {@code GET /v3/videos/statuses} vocabulary: queued|processing|completed|failed. */
    String bulkStatus(Instant now, Duration render) {
        return switch (state) {
            case QUEUED -> "queued";
            case RUNNING -> unknownStatus != null ? unknownStatus : early(now, render) ? "queued" : "processing";
            case COMPLETED -> "completed";
            case FAILED -> "failed";
        };
    }
}
