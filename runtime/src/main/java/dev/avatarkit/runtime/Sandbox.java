package dev.avatarkit.runtime;

import dev.avatarkit.sim.HeyGenSimulator;
import java.net.URI;
import java.security.SecureRandom;
import java.time.Duration;
import java.util.HexFormat;

/**
 * {@code --sandbox}: the HeyGen simulator started in this process on a loopback port, so every command works with
 * no key and no network. Renders take a few seconds, like a quick real one.
 */
public final class Sandbox implements AutoCloseable {
    public static final Duration DEFAULT_RENDER_TIME = Duration.ofSeconds(3);
    static final String API_KEY = "sandbox-key";

    private final HeyGenSimulator simulator;
    private final String webhookSecret;

    private Sandbox(HeyGenSimulator simulator, String webhookSecret) {
        this.simulator = simulator;
        this.webhookSecret = webhookSecret;
    }

    public static Sandbox start(Duration renderTime) {
        byte[] secret = new byte[24];
        new SecureRandom().nextBytes(secret);
        String webhookSecret = "whsec_" + HexFormat.of().formatHex(secret);
        HeyGenSimulator simulator = HeyGenSimulator.builder().port(0).renderTime(renderTime)
                .callbackSecret(webhookSecret).build().start();
        return new Sandbox(simulator, webhookSecret);
    }

    public URI baseUrl() {
        return URI.create(simulator.baseUrl());
    }

    public String apiKey() {
        return API_KEY;
    }

    /** The secret the simulator signs callback webhooks with, wired into our verifier. */
    public String webhookSecret() {
        return webhookSecret;
    }

    public HeyGenSimulator simulator() {
        return simulator;
    }

    @Override
    public void close() {
        simulator.close();
    }
}
