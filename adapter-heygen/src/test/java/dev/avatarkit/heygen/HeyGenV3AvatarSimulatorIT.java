package dev.avatarkit.heygen;

import dev.avatarkit.core.port.AvatarProvider;
import dev.avatarkit.testkit.provider.AvatarProviderContract;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;

/** The AvatarProvider contract on the v3 dialect (prompt avatars and looks) against the simulator. */
class HeyGenV3AvatarSimulatorIT extends AvatarProviderContract {
    private ManualSimulator sim;

    @BeforeEach
    void start() {
        sim = new ManualSimulator(ApiVersion.V3, "avatar contract");
    }

    @AfterEach
    void stop() {
        sim.close();
    }

    @Override
    protected AvatarProvider provider() {
        return sim.heygen().avatars();
    }

    @Override
    protected void letRendersProgress() {
        sim.step();
    }
}
