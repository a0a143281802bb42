package dev.avatarkit.core.spi;

import dev.avatarkit.core.port.ProviderCapabilities;
import java.util.List;

/**
 * One installed provider as {@code providers list} and {@code GET /v1/providers} show it: no I/O, nothing secret.
 *
 * @param dialect        the dialect new jobs use under the current settings ({@code ""} when it has one)
 * @param features       the capability features, lowercase ({@code videos}, {@code templates}…)
 * @param sandbox        whether a simulator is installed for {@code --sandbox}
 */
public record ProviderInfo(
        String name,
        String description,
        boolean isDefault,
        String dialect,
        List<String> features,
        int maxConcurrency,
        int maxScriptChars,
        boolean idempotentCreate,
        boolean sandbox) {
    public ProviderInfo {
        features = List.copyOf(features);
    }

    static ProviderInfo of(
            String name,
            String description,
            boolean isDefault,
            String dialect,
            ProviderCapabilities capabilities,
            boolean sandbox) {
        List<String> features = capabilities.features().stream()
                .sorted()
                .map(ProviderCapabilities.Feature::wireName)
                .toList();
        return new ProviderInfo(
                name,
                description,
                isDefault,
                dialect,
                features,
                capabilities.maxConcurrency(),
                capabilities.maxScriptChars(),
                capabilities.idempotentCreate(),
                sandbox);
    }
}
