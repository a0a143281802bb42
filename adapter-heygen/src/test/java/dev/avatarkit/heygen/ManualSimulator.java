package dev.avatarkit.heygen;

import dev.avatarkit.sim.HeyGenSimulator;
import dev.avatarkit.sim.SimClock;
import java.time.Duration;
import java.time.Instant;

/**
 * The simulator on a hand-driven clock with an adapter pointed at it, for the port contracts: renders progress when
 * the test says so and no test waits on wall time. Closing checks everything sent against HeyGen's published schema.
 */
final class ManualSimulator implements AutoCloseable {
    private static final Duration STEP = Duration.ofMillis(100);

    private final SimClock.Manual clock = new SimClock.Manual(Instant.now());
    private final HeyGenSimulator sim;
    private final HeyGen heygen;
    private final String label;

    ManualSimulator(ApiVersion version, String label) {
        this.sim = HeyGenSimulator.builder()
                .port(0)
                .renderTime(Duration.ofMillis(300))
                .clock(clock)
                .build()
                .start();
        this.heygen = SimulatorSupport.adapter(sim, version, Duration.ofSeconds(10));
        this.label = label + " " + version;
    }

    HeyGen heygen() {
        return heygen;
    }

    /** One step of simulator time. */
    void step() {
        clock.advance(STEP);
        sim.tick();
    }

    @Override
    public void close() {
        heygen.close();
        try {
            // everything this contract test sent, checked against HeyGen's published schema (issue 18)
            WireConformance.assertClean(label, sim);
        } finally {
            sim.close();
        }
    }
}
