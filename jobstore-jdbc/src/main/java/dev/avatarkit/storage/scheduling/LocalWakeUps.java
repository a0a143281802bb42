package dev.avatarkit.storage.scheduling;

import java.time.Duration;
import java.time.Instant;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;

/**
 * Wakes db-scheduler's poller at the instants this process's own steps asked for, instead of letting each step
 * wait for the next polling round (up to {@code pollingInterval} late: a quarter second per poll, per create,
 * per wave of renders). Polling stays as the safety net and for steps other processes scheduled. Wake-ups are
 * deduplicated on a {@value #GRID_MILLIS} ms grid, so a batch due at one instant costs one check, not one each.
 */
final class LocalWakeUps implements AutoCloseable {
    static final long GRID_MILLIS = 20;
    /** Further ahead than this the poller's own rounds are precise enough. */
    private static final Duration HORIZON = Duration.ofMinutes(5);

    private final Runnable checkForDueSteps;
    private final ScheduledExecutorService timer = Executors.newSingleThreadScheduledExecutor(r -> {
        Thread t = new Thread(r, "avatarkit-step-wakeups");
        t.setDaemon(true);
        return t;
    });
    private final Set<Long> pending = ConcurrentHashMap.newKeySet();

    LocalWakeUps(Runnable checkForDueSteps) {
        this.checkForDueSteps = checkForDueSteps;
    }

    /**
     * Asks for a check at {@code at} (rounded up to the grid), once the step's row is written. A step due now is
     * checked within a grid step: at least one, as before session 7, cost each hand-off 20–40 ms (two per wave of the
     * stand-in: the render found along with another's read is run, then the job it frees a slot for).
     */
    void at(Instant at, Instant now) {
        if (Duration.between(now, at).compareTo(HORIZON) > 0 || timer.isShutdown()) return;
        long slot = slot(at, now);
        if (!pending.add(slot)) return;
        long fireIn = slot * GRID_MILLIS - now.toEpochMilli();
        try {
            timer.schedule(
                    () -> {
                        pending.remove(slot);
                        checkForDueSteps.run();
                    },
                    fireIn,
                    TimeUnit.MILLISECONDS);
        } catch (java.util.concurrent.RejectedExecutionException closing) {
            pending.remove(slot);
        }
    }

    /**
     * The grid line a check for a step due at {@code at} fires on: the first at or after {@code at} itself, to the
     * microsecond, and at least a millisecond after it. Rounded from {@code now}'s and the delay's whole milliseconds
     * (as until session 9), a step due at 1201.3 ms fired its check at 1200 ms: it found nothing due, and the step
     * waited for the next polling round (a quarter second by default; the scheduler test's minute timed out in CI).
     * The extra millisecond covers the wall clock the check reads drifting from the timer's monotonic one.
     */
    static long slot(Instant at, Instant now) {
        Instant due = at.isAfter(now) ? at : now;
        long dueMillis = due.toEpochMilli() + (due.getNano() % 1_000_000 == 0 ? 0 : 1) + 1;
        return Math.floorDiv(dueMillis + GRID_MILLIS - 1, GRID_MILLIS);
    }

    @Override
    public void close() {
        timer.shutdownNow();
    }
}
