package dev.avatarkit.core.spi;

import dev.avatarkit.core.domain.Require;
import dev.avatarkit.core.port.ProviderCallListener;
import dev.avatarkit.core.port.Sleeper;
import java.time.Clock;

/** What the application lends every provider it opens: time, waiting, and a listener for request metrics. */
public record ProviderContext(Clock clock, Sleeper sleeper, ProviderCallListener calls) {
    public ProviderContext {
        Require.nonNull(clock, "clock");
        Require.nonNull(sleeper, "sleeper");
        calls = calls == null ? ProviderCallListener.NONE : calls;
    }

    public static ProviderContext system() {
        return new ProviderContext(Clock.systemUTC(), Sleeper.system(), ProviderCallListener.NONE);
    }
}
