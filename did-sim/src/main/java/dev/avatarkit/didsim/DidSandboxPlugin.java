package dev.avatarkit.didsim;

import dev.avatarkit.core.spi.SandboxPlugin;
import java.time.Duration;
import java.util.List;
import java.util.Map;

/** {@code --sandbox} for D-ID: starts the simulator on a free loopback port and points the adapter at it. */
public final class DidSandboxPlugin implements SandboxPlugin {
    @Override
    public String provider() {
        return "d-id";
    }

    @Override
    public Running start(Duration renderTime) {
        DidSimulator sim = DidSimulator.builder().renderTime(renderTime).build().start();
        return new Running() {
            @Override
            public Map<String, String> settings() {
                return Map.of("DID_BASE_URL", sim.baseUrl(), "DID_API_KEY", sim.apiKey(), "DID_AUTH_SCHEME", "Basic");
            }

            @Override
            public int adopt(List<UnfinishedRender> renders) {
                int n = 0;
                for (UnfinishedRender r : renders) if (!r.image() && sim.adopt(idOf(r.ref()))) n++;
                return n;
            }

            @Override
            public void close() {
                sim.close();
            }
        };
    }

    /** The talk or clip id in a ref, whether the adapter stores it bare or with its kind ({@code talks/tlk_…}). */
    static String idOf(String ref) {
        return ref.substring(Math.max(ref.lastIndexOf(':'), ref.lastIndexOf('/')) + 1);
    }
}
