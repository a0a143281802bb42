package dev.avatarkit.heygen;

import dev.avatarkit.core.port.VideoProvider;
import dev.avatarkit.sim.HeyGenSimulator;
import dev.avatarkit.testkit.provider.VideoProviderContract;
import java.time.Duration;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;

class HeyGenV3SimulatorIT extends VideoProviderContract {
    static HeyGenSimulator sim;
    static HeyGen heygen;

    @BeforeAll
    static void start() {
        sim = SimulatorSupport.start();
        heygen = SimulatorSupport.adapter(sim, ApiVersion.V3, Duration.ofSeconds(10));
    }

    @AfterAll
    static void stop() {
        heygen.close();
        sim.close();
    }

    @Override
    protected VideoProvider provider() {
        return heygen.videos();
    }

    @Override
    protected void letRendersProgress() {
        try {
            Thread.sleep(100);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }
}
