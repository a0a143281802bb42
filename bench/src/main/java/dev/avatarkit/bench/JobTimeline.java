package dev.avatarkit.bench;

import dev.avatarkit.core.domain.Job;
import dev.avatarkit.core.domain.JobId;
import dev.avatarkit.core.domain.JobState;
import dev.avatarkit.runtime.JobEvents;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;

/**
 * With {@code --trace}: when each job of a run was accepted by the provider, polled, found finished and done, in
 * seconds since the first job write, and when its last read while rendering was planned for (same scale), printed
 * as one line per job when closed — the table that shows where a wave's time goes (detection lag after the render time, hand-off gap before the next create). Kept per job, so bounded
 * by the run's rows.
 */
final class JobTimeline implements AutoCloseable {
    private final Map<JobId, Row> rows = new TreeMap<>();
    private final AutoCloseable subscription;
    private long startNanos;
    private Instant startInstant;

    private JobTimeline(JobEvents events) {
        this.subscription = events.subscribe(this::changed);
    }

    static JobTimeline of(JobEvents events, boolean trace) {
        return trace ? new JobTimeline(events) : null;
    }

    private synchronized void changed(Job job) {
        long now = System.nanoTime();
        if (startNanos == 0) {
            startNanos = now;
            startInstant = Instant.now();
        }
        double t = (now - startNanos) / 1e9;
        Row row = rows.computeIfAbsent(job.id(), id -> new Row());
        if (job.state() == JobState.SUBMITTING && row.submitting < 0) row.submitting = t;
        if (job.state() == JobState.RENDERING && row.rendering < 0) row.rendering = t;
        row.attempts = Math.max(row.attempts, job.attempts());
        if (job.state() == JobState.RENDERING && job.polls() > row.polls.size()) row.polls.add(t);
        if (job.state() == JobState.RENDERING && job.nextRunAt() != null)
            row.planned = Duration.between(startInstant, job.nextRunAt()).toNanos() / 1e9;
        if (job.state() == JobState.DOWNLOADING && row.downloading < 0) row.downloading = t;
        if (job.state().isTerminal() && row.done < 0) row.done = t;
    }

    @Override
    public synchronized void close() throws Exception {
        subscription.close();
        System.out.println("trace (s since the first job write): job rendering polls(while rendering) found done");
        int n = 0;
        for (Row row : rows.values()) {
            List<String> polls = new ArrayList<>();
            row.polls.forEach(p -> polls.add(String.format("%.2f", p)));
            System.out.printf(
                    "trace %3d %7.2f %s %7.2f %7.2f last planned read %7.2f%s%n",
                    ++n,
                    row.rendering,
                    polls,
                    row.downloading,
                    row.done,
                    row.planned,
                    row.attempts > 1
                            ? String.format(" (%d creates sent, the first at %.2f)", row.attempts, row.submitting)
                            : "");
        }
    }

    private static final class Row {
        double submitting = -1;
        double rendering = -1;
        int attempts;
        double downloading = -1;
        double done = -1;
        double planned = -1;
        final List<Double> polls = new ArrayList<>();
    }
}
