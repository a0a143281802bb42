package dev.avatarkit.sim;

import dev.avatarkit.core.spi.SandboxPlugin;
import java.security.SecureRandom;
import java.time.Duration;
import java.util.HexFormat;
import java.util.List;
import java.util.Map;

/**
 * {@code --sandbox} for HeyGen: this simulator on a loopback port, with a fresh webhook secret per start, so every
 * command works with no key and no network. Found through {@code META-INF/services}.
 */
public final class HeyGenSandbox implements SandboxPlugin {
    static final String API_KEY = "sandbox-key";

    @Override
    public String provider() {
        return "heygen";
    }

    @Override
    public Running start(Duration renderTime) {
        byte[] secret = new byte[24];
        new SecureRandom().nextBytes(secret);
        String webhookSecret = "whsec_" + HexFormat.of().formatHex(secret);
        HeyGenSimulator simulator = HeyGenSimulator.builder()
                .port(0)
                .renderTime(renderTime)
                .callbackSecret(webhookSecret)
                .build()
                .start();
        return new Started(simulator, webhookSecret);
    }

    /** The simulator behind a sandbox this plugin started (tests inspect its counters and inject faults). */
    public static HeyGenSimulator simulatorOf(Running running) {
        if (running instanceof Started started) return started.simulator();
        throw new IllegalArgumentException("not a HeyGen sandbox: " + running);
    }

    private record Started(HeyGenSimulator simulator, String webhookSecret) implements Running {
        @Override
        public Map<String, String> settings() {
            return Map.of(
                    "HEYGEN_API_KEY",
                    API_KEY,
                    "HEYGEN_BASE_URL",
                    simulator.baseUrl(),
                    "HEYGEN_UPLOAD_URL",
                    simulator.baseUrl(),
                    "HEYGEN_WEBHOOK_SECRET",
                    webhookSecret);
        }

        /** v3 refs are plain ids; legacy identity/still refs are composite ({@code group:…}, {@code gen:…}) and skipped. */
        @Override
        public int adopt(List<UnfinishedRender> renders) {
            int adopted = 0;
            for (UnfinishedRender render : renders) {
                if (!render.image()) {
                    simulator.adoptVideo(render.ref(), API_KEY, "v2".equals(render.dialect()));
                    adopted++;
                } else if (render.ref().indexOf(':') < 0) {
                    simulator.adoptLook(render.ref());
                    adopted++;
                }
            }
            return adopted;
        }

        @Override
        public void close() {
            simulator.close();
        }
    }
}
