package dev.avatarkit.did;

import dev.avatarkit.core.port.VideoProvider;
import dev.avatarkit.core.spi.Provider;
import dev.avatarkit.core.spi.ProviderContext;
import dev.avatarkit.didsim.DidSimulator;
import dev.avatarkit.testkit.provider.VideoProviderContract;
import java.time.Duration;
import java.time.Instant;
import java.time.InstantSource;
import java.util.Map;
import java.util.Optional;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;

/**
 * The port contract against the D-ID simulator, which shares no code with this adapter: where one of them misreads
 * D-ID's OpenAPI, the two disagree here. Renders progress on a hand-moved clock, so nothing waits on wall time.
 */
class DidSimulatorContractIT extends VideoProviderContract {
    private static final Duration STEP = Duration.ofMillis(500);

    private final ManualClock clock = new ManualClock();
    private DidSimulator sim;
    private Provider did;

    @BeforeEach
    void start() {
        sim = DidSimulator.builder().clock(clock).renderTime(Duration.ofSeconds(3)).build().start();
        Map<String, String> settings = Map.of(DidPlugin.BASE_URL, sim.baseUrl(), DidPlugin.API_KEY, sim.apiKey());
        did = new DidPlugin().open(name -> Optional.ofNullable(settings.get(name)), "", ProviderContext.system());
    }

    @AfterEach
    void stop() {
        did.close();
        sim.close();
    }

    @Override
    protected VideoProvider provider() {
        return did.videos().orElseThrow();
    }

    @Override
    protected void letRendersProgress() {
        clock.advance(STEP);
    }

    /** Starts at the wall clock's now, so the contract's {@code Instant.now()}-based reconcile windows hold. */
    private static final class ManualClock implements InstantSource {
        private volatile Instant now = Instant.now();

        @Override
        public Instant instant() {
            return now;
        }

        void advance(Duration step) {
            now = now.plus(step);
        }
    }
}
