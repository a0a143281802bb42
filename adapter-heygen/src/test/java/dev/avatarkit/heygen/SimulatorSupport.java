package dev.avatarkit.heygen;

import dev.avatarkit.core.port.Sleeper;
import dev.avatarkit.sim.HeyGenSimulator;
import java.net.URI;
import java.time.Clock;
import java.time.Duration;

/** Starts the simulator and points an adapter at it. */
final class SimulatorSupport {
    private SimulatorSupport() {}

    static HeyGenSimulator start() {
        return HeyGenSimulator.builder()
                .port(0)
                .renderTime(Duration.ofMillis(300))
                .build()
                .start();
    }

    static HeyGen adapter(HeyGenSimulator sim, ApiVersion version, Duration createTimeout) {
        URI base = URI.create(sim.baseUrl());
        HeyGenConfig config = HeyGenConfig.of(new ApiKey("sim-key-123"))
                .withBaseUrl(base)
                .withUploadUrl(base)
                .withApiVersion(version)
                .withWebhookSecret(sim.callbackSecret())
                .withRequestsPerSecond(0)
                .withTimeouts(new HeyGenConfig.Timeouts(
                        Duration.ofSeconds(2), Duration.ofSeconds(5), createTimeout, Duration.ofSeconds(30)))
                .withRetry(new HeyGenConfig.Retry(
                        3, Duration.ofMillis(10), Duration.ofMillis(200), Duration.ofSeconds(10), 4));
        return HeyGen.create(config, Clock.systemUTC(), Sleeper.system());
    }
}
