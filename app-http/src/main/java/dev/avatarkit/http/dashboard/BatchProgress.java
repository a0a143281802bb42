package dev.avatarkit.http.dashboard;

import dev.avatarkit.core.domain.JobState;
import java.time.Duration;
import java.time.Instant;
import java.util.Map;

/**
 * A batch's progress as people read it: jobs per state, how many are finished, the rate since the batch started
 * and the time left at that rate (none until something has finished).
 */
record BatchProgress(Map<JobState, Integer> counts, int total, int finished, Instant started, Instant now) {
    static BatchProgress of(Map<JobState, Integer> counts, Instant started, Instant now) {
        int total = counts.values().stream().mapToInt(Integer::intValue).sum();
        int finished = counts.entrySet().stream()
                .filter(e -> e.getKey().isTerminal())
                .mapToInt(Map.Entry::getValue)
                .sum();
        return new BatchProgress(Map.copyOf(counts), total, finished, started, now);
    }

    boolean done() {
        return total > 0 && finished == total;
    }

    int count(JobState state) {
        return counts.getOrDefault(state, 0);
    }

    /** Finished jobs per minute since the first job was created; 0 before the first finishes. */
    double perMinute() {
        long millis = Math.max(1, Duration.between(started, now).toMillis());
        return finished * 60_000.0 / millis;
    }

    /** Time left at the current rate, or null when there is no rate yet (or nothing is left). */
    Duration eta() {
        if (finished == 0 || done()) return null;
        return Duration.ofMillis((long) ((total - finished) / perMinute() * 60_000));
    }

    /** The block with its progress bar labelled; {@code id} tells several batches' bars apart on one page. */
    String render(String id) {
        StringBuilder states = new StringBuilder();
        for (JobState state : JobState.values()) {
            int n = count(state);
            if (n > 0)
                states.append("<li>")
                        .append(Pages.state(state))
                        .append(' ')
                        .append(n)
                        .append("</li>");
        }
        Duration eta = eta();
        String speed = finished == 0
                ? "waiting for the first job to finish"
                : String.format(java.util.Locale.ROOT, "%.1f jobs/min", perMinute())
                        + (done() ? " · finished" : eta == null ? "" : " · about " + human(eta) + " left");
        return """
                <div class="progress-block">
                <label for="%s">%d of %d finished</label>
                <progress id="%s" max="%d" value="%d">%d of %d</progress>
                <p class="speed">%s</p>
                <ul class="counts" aria-label="Jobs per state">%s</ul>
                </div>""".formatted(
                        Html.escape(id),
                        finished,
                        total,
                        Html.escape(id),
                        Math.max(total, 1),
                        finished,
                        finished,
                        total,
                        speed,
                        states);
    }

    static String human(Duration d) {
        long s = Math.max(1, d.toSeconds());
        if (s < 90) return s + " s";
        if (s < 90 * 60) return (s + 30) / 60 + " min";
        return String.format(java.util.Locale.ROOT, "%.1f h", s / 3600.0);
    }
}
