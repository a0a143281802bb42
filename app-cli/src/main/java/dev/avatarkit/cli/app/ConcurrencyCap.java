package dev.avatarkit.cli.app;

import dev.avatarkit.core.engine.EnginePolicy;

/**
 * {@code --concurrency N} as the engine's cap on renders in flight. The engine's gate keeps each provider at the
 * smaller of this cap and the provider's own {@code maxConcurrency}, so the flag means the same for every provider
 * and can lower, never raise, what an account allows.
 */
public final class ConcurrencyCap {
    private ConcurrencyCap() {}

    /** {@code policy} with its cap lowered to {@code cap} (a cap above the policy's own changes nothing). */
    public static EnginePolicy of(EnginePolicy policy, int cap) {
        if (cap >= policy.maxConcurrency()) return policy;
        return new EnginePolicy(
                policy.pollInitial(),
                policy.pollMax(),
                policy.pollMultiplier(),
                policy.renderTimeout(),
                policy.submitRetryDelay(),
                policy.gateRecheck(),
                policy.downloadAttempts(),
                policy.creditBreakerOpenFor(),
                cap);
    }
}
