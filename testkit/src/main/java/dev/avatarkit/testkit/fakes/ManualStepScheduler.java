package dev.avatarkit.testkit.fakes;

import dev.avatarkit.core.domain.JobId;
import dev.avatarkit.core.port.StepScheduler;
import java.time.Clock;
import java.time.Instant;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Optional;
import java.util.function.Function;

/**
 * A step scheduler tests drive: it only records when each job wants to run; {@link #runDue} runs the steps
 * whose time has come, using the step function given (normally {@code JobEngine::advance}). Steps due at the same
 * instant run in the order they were scheduled: job ids are random, so a hash order made such tests flaky.
 */
public final class ManualStepScheduler implements StepScheduler {
    private final Map<JobId, Instant> pending = new LinkedHashMap<>();
    private final Clock clock;
    private Function<JobId, Instant> step = id -> null;

    public ManualStepScheduler(Clock clock) {
        this.clock = clock;
    }

    public void runWith(Function<JobId, Instant> stepFunction) {
        this.step = stepFunction;
    }

    @Override
    public synchronized void schedule(JobId id, Instant at) {
        pending.put(id, at);
    }

    public synchronized Optional<Instant> pendingAt(JobId id) {
        return Optional.ofNullable(pending.get(id));
    }

    public synchronized Optional<Instant> earliest() {
        return pending.values().stream().min(Instant::compareTo);
    }

    /** Runs every step due now (once each, in time order); returns how many ran. */
    public int runDue() {
        int ran = 0;
        while (true) {
            JobId next;
            synchronized (this) {
                next = pending.entrySet().stream()
                        .filter(e -> !e.getValue().isAfter(clock.instant()))
                        .min(Map.Entry.comparingByValue())
                        .map(Map.Entry::getKey)
                        .orElse(null);
                if (next == null) return ran;
                pending.remove(next);
            }
            Instant again = step.apply(next);
            ran++;
            if (again != null) {
                synchronized (this) {
                    pending.merge(
                            next, again, (existing, proposed) -> existing.isBefore(proposed) ? existing : proposed);
                }
            }
        }
    }

    /** Moves the clock to the next pending step and runs what is due, until nothing is pending or max rounds pass. */
    public void runUntilIdle(ManualClock manualClock, int maxRounds) {
        for (int i = 0; i < maxRounds; i++) {
            Optional<Instant> next = earliest();
            if (next.isEmpty()) return;
            if (next.get().isAfter(manualClock.instant())) manualClock.set(next.get());
            runDue();
        }
        throw new AssertionError("still busy after " + maxRounds + " rounds: " + pending);
    }
}
