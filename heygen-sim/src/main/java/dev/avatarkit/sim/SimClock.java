package dev.avatarkit.sim;

import java.time.Duration;
import java.time.Instant;

/** The simulator's notion of "now": real time by default, or a hand-driven clock in tests. */
public interface SimClock {
    Instant now();

    static SimClock system() {
        return Instant::now;
    }

    /** A clock that only moves when told to; render progress, URL expiry and idempotency windows follow it. */
    final class Manual implements SimClock {
        private volatile Instant now;

        public Manual(Instant start) {
            this.now = start;
        }

        @Override
        public Instant now() {
            return now;
        }

        public synchronized void advance(Duration d) {
            now = now.plus(d);
        }

        public void set(Instant instant) {
            now = instant;
        }
    }
}
