package dev.avatarkit.core.spi;

import dev.avatarkit.core.domain.ValidationException;
import java.util.Optional;

/**
 * The values of a plugin's {@link Setting}s, from wherever the application reads configuration (environment,
 * config file, sandbox). Blank values read as absent; defaults are the plugin's business.
 */
@FunctionalInterface
public interface ProviderSettings {
    Optional<String> get(String name);

    default String getOr(String name, String fallback) {
        return get(name).orElse(fallback);
    }

    /** The value, or a {@link ValidationException} naming the key and what to do. */
    default String require(String name, String hint) {
        return get(name).orElseThrow(() -> new ValidationException(name, "no " + name + ": " + hint));
    }

    default int getInt(String name, int fallback, int min, int max) {
        Optional<String> raw = get(name);
        if (raw.isEmpty()) return fallback;
        try {
            int value = Integer.parseInt(raw.get().trim());
            if (value < min || value > max) {
                throw new ValidationException(
                        name, name + " must be between " + min + " and " + max + ", was " + value);
            }
            return value;
        } catch (NumberFormatException e) {
            throw new ValidationException(name, name + " must be a whole number, was '" + raw.get() + "'");
        }
    }
}
