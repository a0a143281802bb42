package dev.avatarkit.runtime;

import dev.avatarkit.core.spi.ProviderSettings;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;

/**
 * The providers' settings as configured (environment, file, flags; the sandbox's own on top). Secrets among them are
 * never printed: {@link #toString()} names keys only.
 */
public record ProviderValues(Map<String, String> values, Set<String> secretNames) implements ProviderSettings {
    public ProviderValues {
        values = Map.copyOf(values);
        secretNames = Set.copyOf(secretNames);
    }

    public static ProviderValues none() {
        return new ProviderValues(Map.of(), Set.of());
    }

    @Override
    public Optional<String> get(String name) {
        String value = values.get(name);
        return value == null || value.isBlank() ? Optional.empty() : Optional.of(value.trim());
    }

    /** These values with {@code overrides} on top (a sandbox points a provider at its simulator). */
    public ProviderValues with(Map<String, String> overrides) {
        Map<String, String> merged = new HashMap<>(values);
        merged.putAll(overrides);
        return new ProviderValues(merged, secretNames);
    }

    /** The secret values that are set, for log redaction. */
    public List<String> secrets() {
        return secretNames.stream().map(this::get).flatMap(Optional::stream).toList();
    }

    @Override
    public String toString() {
        return "ProviderValues" + values.keySet();
    }
}
