package dev.avatarkit.core.port;

/**
 * What a provider dialect can do, so core decides policy without knowing the dialect.
 *
 * @param idempotentCreate true when creates honour an idempotency key (v3): an ambiguous create may be resent
 *                         with the same key; false (legacy): it must be reconciled first
 * @param bulkStatus       true when {@link VideoProvider#statuses} is one call per ≤100 ids
 * @param maxScriptChars   the longest script per scene the dialect accepts
 * @param maxConcurrency   renders in flight per account (the concurrency gate's size)
 */
public record ProviderCapabilities(boolean idempotentCreate, boolean bulkStatus, int maxScriptChars, int maxConcurrency) {
}
