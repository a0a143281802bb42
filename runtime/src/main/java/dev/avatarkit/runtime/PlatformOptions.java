package dev.avatarkit.runtime;

import dev.avatarkit.core.engine.EnginePolicy;
import java.time.Duration;

/**
 * Knobs that are not user configuration: how fast the sandbox renders, how often the scheduler polls, and an
 * engine policy override (tests use fast polling; null = defaults for the configured concurrency).
 */
public record PlatformOptions(
        Duration sandboxRenderTime, Duration schedulerPolling, EnginePolicy policy, String workerName) {
    /** Sandbox renders take a few seconds, like a quick real one. */
    public static final Duration DEFAULT_SANDBOX_RENDER_TIME = Duration.ofSeconds(3);

    public static PlatformOptions defaults() {
        return new PlatformOptions(DEFAULT_SANDBOX_RENDER_TIME, Duration.ofMillis(250), null, null);
    }

    public PlatformOptions withPolicy(EnginePolicy newPolicy) {
        return new PlatformOptions(sandboxRenderTime, schedulerPolling, newPolicy, workerName);
    }

    public PlatformOptions withSandboxRenderTime(Duration renderTime) {
        return new PlatformOptions(renderTime, schedulerPolling, policy, workerName);
    }

    public PlatformOptions withSchedulerPolling(Duration polling) {
        return new PlatformOptions(sandboxRenderTime, polling, policy, workerName);
    }

    public PlatformOptions withWorkerName(String name) {
        return new PlatformOptions(sandboxRenderTime, schedulerPolling, policy, name);
    }
}
