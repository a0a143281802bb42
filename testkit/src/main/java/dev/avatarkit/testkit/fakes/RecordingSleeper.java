package dev.avatarkit.testkit.fakes;

import dev.avatarkit.core.port.Sleeper;
import java.time.Duration;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;

/** Records requested sleeps and advances a {@link ManualClock} (if given) instead of sleeping. */
public final class RecordingSleeper implements Sleeper {
    private final List<Duration> sleeps = new CopyOnWriteArrayList<>();
    private final ManualClock clock;

    public RecordingSleeper() {
        this(null);
    }

    public RecordingSleeper(ManualClock clock) {
        this.clock = clock;
    }

    @Override
    public void sleep(Duration duration) {
        sleeps.add(duration);
        if (clock != null) clock.advance(duration);
    }

    public List<Duration> sleeps() {
        return List.copyOf(sleeps);
    }
}
