package dev.avatarkit.cli.command;

import com.google.inject.Inject;
import dev.avatarkit.cli.output.Output;
import dev.avatarkit.core.domain.JobState;
import java.time.Duration;
import java.time.Instant;
import java.util.EnumMap;
import java.util.Map;
import java.util.function.Predicate;
import java.util.function.Supplier;

/**
 * Watches a group of jobs (a batch, or everything resumed) until a condition holds or time runs out: a redrawn bar
 * on a TTY, otherwise a plain line whenever the counts change (at most every few seconds) — logs stay readable.
 */
public final class ProgressLoop {
    static final Duration TICK = Duration.ofMillis(250);
    static final Duration LINE_EVERY = Duration.ofSeconds(2);
    private final Output out;

    @Inject
    ProgressLoop(Output out) {
        this.out = out;
    }

    /** @return the last counts seen; the caller checks {@code until} on them to tell done from timed out */
    public Map<JobState, Integer> run(
            Supplier<Map<JobState, Integer>> counts, Predicate<Map<JobState, Integer>> until, Duration timeout)
            throws InterruptedException {
        Instant deadline = Instant.now().plus(timeout);
        Instant lastLine = Instant.EPOCH;
        String lastText = null;
        boolean bar = out.tty();
        while (true) {
            Map<JobState, Integer> now = counts.get();
            String text = describe(now);
            boolean finished = until.test(now) || Instant.now().isAfter(deadline);
            if (bar) {
                if (!text.equals(lastText) || finished) out.redraw(text);
            } else if (!text.equals(lastText) && (finished || Instant.now().isAfter(lastLine.plus(LINE_EVERY)))) {
                out.progress(text);
                lastLine = Instant.now();
                lastText = text;
            }
            if (bar) lastText = text;
            if (finished) {
                if (bar) out.endRedraw();
                return now;
            }
            Thread.sleep(TICK.toMillis());
        }
    }

    /** {@code [#####-----]  12/20 finished · 3 RENDERING · 1 FAILED}. */
    public static String describe(Map<JobState, Integer> counts) {
        int total = counts.values().stream().mapToInt(Integer::intValue).sum();
        int finished = counts.entrySet().stream()
                .filter(e -> e.getKey().isTerminal())
                .mapToInt(Map.Entry::getValue)
                .sum();
        int width = 24;
        int filled = total == 0 ? width : (int) Math.round(width * (double) finished / total);
        StringBuilder line = new StringBuilder("[")
                .append("#".repeat(filled))
                .append("-".repeat(width - filled))
                .append("] ");
        line.append(String.format("%d/%d finished", finished, total));
        for (JobState state : JobState.values()) {
            int n = counts.getOrDefault(state, 0);
            if (n > 0) line.append(" · ").append(n).append(' ').append(state);
        }
        return line.toString();
    }

    static boolean allFinished(Map<JobState, Integer> counts) {
        return counts.entrySet().stream().noneMatch(e -> !e.getKey().isTerminal() && e.getValue() > 0);
    }

    static boolean allSubmitted(Map<JobState, Integer> counts) {
        return counts.getOrDefault(JobState.QUEUED, 0) == 0 && counts.getOrDefault(JobState.SUBMITTING, 0) == 0;
    }

    static Map<JobState, Integer> copy(Map<JobState, Integer> counts) {
        Map<JobState, Integer> out = new EnumMap<>(JobState.class);
        out.putAll(counts);
        return out;
    }
}
