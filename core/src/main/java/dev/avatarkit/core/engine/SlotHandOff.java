package dev.avatarkit.core.engine;

import dev.avatarkit.core.domain.JobId;
import dev.avatarkit.core.port.StepScheduler;
import java.time.Clock;

/**
 * Wakes the oldest job parked at the {@link ConcurrencyGate} the moment a render gives its slot back — when its
 * render finished, before its files are downloaded (downloads hold no render slot), so the account's next render
 * starts while this one's bytes are still being fetched.
 */
final class SlotHandOff {
    private final ConcurrencyGate gate;
    private final StepScheduler scheduler;
    private final Clock clock;

    SlotHandOff(ConcurrencyGate gate, StepScheduler scheduler, Clock clock) {
        this.gate = gate;
        this.scheduler = scheduler;
        this.clock = clock;
    }

    void slotFreedBy(JobId id) {
        gate.forget(id);
        gate.next().ifPresent(waiting -> scheduler.schedule(waiting, clock.instant()));
    }

    /** Runs {@code id}'s next step now: its render was seen finished by a read made for others. */
    void runNow(JobId id) {
        scheduler.schedule(id, clock.instant());
    }
}
