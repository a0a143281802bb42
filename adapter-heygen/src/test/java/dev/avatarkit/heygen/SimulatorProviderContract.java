package dev.avatarkit.heygen;

import dev.avatarkit.core.port.VideoProvider;
import dev.avatarkit.testkit.provider.VideoProviderContract;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;

/** The port contract against the simulator, on its hand-driven clock ({@link ManualSimulator}), for one dialect. */
abstract class SimulatorProviderContract extends VideoProviderContract {
    private ManualSimulator sim;

    protected abstract ApiVersion version();

    @BeforeEach
    void start() {
        sim = new ManualSimulator(version(), "contract");
    }

    @AfterEach
    void stop() {
        sim.close();
    }

    @Override
    protected VideoProvider provider() {
        return sim.heygen().videos();
    }

    @Override
    protected void letRendersProgress() {
        sim.step();
    }
}
