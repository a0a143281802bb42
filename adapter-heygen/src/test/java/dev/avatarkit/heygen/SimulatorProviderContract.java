package dev.avatarkit.heygen;

import dev.avatarkit.core.port.VideoProvider;
import dev.avatarkit.sim.HeyGenSimulator;
import dev.avatarkit.sim.SimClock;
import dev.avatarkit.testkit.provider.VideoProviderContract;
import java.time.Duration;
import java.time.Instant;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;

/**
 * The port contract against the simulator for one dialect. The simulator runs on a hand-driven clock, so renders
 * progress when the test says so and no test waits on wall time.
 */
abstract class SimulatorProviderContract extends VideoProviderContract {
    private static final Duration STEP = Duration.ofMillis(100);

    private final SimClock.Manual clock = new SimClock.Manual(Instant.now());
    private HeyGenSimulator sim;
    private HeyGen heygen;

    protected abstract ApiVersion version();

    @BeforeEach
    void start() {
        sim = HeyGenSimulator.builder().port(0).renderTime(Duration.ofMillis(300)).clock(clock).build().start();
        heygen = SimulatorSupport.adapter(sim, version(), Duration.ofSeconds(10));
    }

    @AfterEach
    void stop() {
        heygen.close();
        try {
            // everything this contract test sent, checked against HeyGen's published schema (issue 18)
            WireConformance.assertClean("contract " + version(), sim);
        } finally {
            sim.close();
        }
    }

    @Override
    protected VideoProvider provider() {
        return heygen.videos();
    }

    @Override
    protected void letRendersProgress() {
        clock.advance(STEP);
        sim.tick();
    }
}
