package dev.avatarkit.core.spi;

import dev.avatarkit.core.domain.Require;

/**
 * One configuration key a plugin reads.
 *
 * @param name         the environment name, also accepted in the config file (e.g. {@code DID_API_KEY})
 * @param secret       true for keys and secrets: never printed, never logged, redacted by {@code config show}
 * @param defaultValue the value when unset, or null
 * @param description  one line for {@code config show} and the README
 */
public record Setting(String name, boolean secret, String defaultValue, String description) {
    public Setting {
        Require.that(
                name != null && name.matches("[A-Z][A-Z0-9_]*"),
                "name",
                "a setting name is an environment variable name in capitals, was '" + name + "'");
        Require.nonBlank(description, "description");
    }

    public static Setting plain(String name, String defaultValue, String description) {
        return new Setting(name, false, defaultValue, description);
    }

    public static Setting secret(String name, String description) {
        return new Setting(name, true, null, description);
    }
}
