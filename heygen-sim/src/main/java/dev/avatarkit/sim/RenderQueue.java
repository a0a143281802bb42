package dev.avatarkit.sim;

import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.function.Consumer;

/**
 * Moves jobs through their states on the simulator clock. A job renders for {@code renderTime} once it holds one of
 * the key's concurrency slots; legacy jobs beyond the limit wait in the queue (v3 is refused up front instead).
 */
final class RenderQueue {
    private final Map<String, VideoJob> jobs = new ConcurrentHashMap<>();
    private final List<VideoJob> order = new CopyOnWriteArrayList<>();
    private final SimClock clock;
    private final Duration renderTime;
    private final int concurrency;
    private final Consumer<VideoJob> onFinished;

    RenderQueue(SimClock clock, Duration renderTime, int concurrency, Consumer<VideoJob> onFinished) {
        this.clock = clock;
        this.renderTime = renderTime;
        this.concurrency = concurrency;
        this.onFinished = onFinished;
    }

    Duration renderTime() {
        return renderTime;
    }

    synchronized void add(VideoJob job) {
        jobs.put(job.id, job);
        order.add(job);
        advance();
    }

    Optional<VideoJob> get(String id) {
        advance();
        VideoJob j = id == null ? null : jobs.get(id);
        return j == null || j.deleted ? Optional.empty() : Optional.of(j);
    }

    /** Jobs for a key, newest first (the order HeyGen lists them). */
    List<VideoJob> list(String apiKey) {
        advance();
        List<VideoJob> out = new ArrayList<>();
        for (int i = order.size() - 1; i >= 0; i--) {
            VideoJob j = order.get(i);
            if (!j.deleted && j.apiKey.equals(apiKey)) out.add(j);
        }
        return out;
    }

    /** Non-terminal jobs of a key (queued or rendering), which count against its concurrency limit. */
    synchronized int active(String apiKey) {
        advance();
        int n = 0;
        for (VideoJob j : order) if (j.apiKey.equals(apiKey) && !j.terminal()) n++;
        return n;
    }

    int concurrency() {
        return concurrency;
    }

    /** Seconds until the key's earliest running job finishes (for Retry-After), at least 1. */
    synchronized long secondsUntilSlot(String apiKey) {
        Instant now = clock.now();
        long best = Long.MAX_VALUE;
        for (VideoJob j : order) {
            if (j.apiKey.equals(apiKey) && j.state == VideoJob.State.RUNNING) {
                best = Math.min(best, Duration.between(now, j.finishAt).toMillis());
            }
        }
        return best == Long.MAX_VALUE ? 1 : Math.max(1, (best + 999) / 1000);
    }

    /** Finishes due jobs, then starts queued ones FIFO while the key has free slots. */
    void advance() {
        List<VideoJob> finished = new ArrayList<>();
        synchronized (this) {
            Instant now = clock.now();
            Map<String, Integer> running = new HashMap<>();
            for (VideoJob j : order) {
                if (j.state == VideoJob.State.RUNNING && !now.isBefore(j.finishAt)) {
                    j.state = j.failCode != null && !j.watermarkWarning
                            ? VideoJob.State.FAILED
                            : VideoJob.State.COMPLETED;
                    j.completedAt = j.finishAt;
                    finished.add(j);
                } else if (j.state == VideoJob.State.RUNNING) {
                    running.merge(j.apiKey, 1, Integer::sum);
                }
            }
            for (VideoJob j : order) {
                if (j.state == VideoJob.State.QUEUED && running.getOrDefault(j.apiKey, 0) < concurrency) {
                    j.state = VideoJob.State.RUNNING;
                    j.startedAt = now;
                    j.finishAt = now.plus(renderTime);
                    running.merge(j.apiKey, 1, Integer::sum);
                }
            }
        }
        finished.forEach(onFinished); // outside the lock: listeners may do I/O scheduling
    }

    synchronized void clear() {
        jobs.clear();
        order.clear();
    }
}
