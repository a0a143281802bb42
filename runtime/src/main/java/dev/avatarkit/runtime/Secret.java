package dev.avatarkit.runtime;

/** A secret string (API key, webhook secret, token): never printed; {@code toString} masks it. */
public record Secret(String reveal) {
    public Secret {
        if (reveal == null || reveal.isBlank()) throw new IllegalArgumentException("a secret must not be blank");
    }

    public static Secret ofNullable(String value) {
        return value == null || value.isBlank() ? null : new Secret(value.trim());
    }

    @Override
    public String toString() {
        return "Secret[****]";
    }
}
