package dev.avatarkit.heygen;

import dev.avatarkit.core.domain.Require;

/** A HeyGen API key. Sent only in the {@code X-Api-Key} header; {@code toString} never shows it. */
public record ApiKey(String value) {
    public ApiKey {
        Require.nonBlank(value, "apiKey");
        Require.that(
                value.strip().equals(value) && value.chars().noneMatch(Character::isISOControl),
                "apiKey",
                "'apiKey' must not contain whitespace or control characters");
    }

    @Override
    public String toString() {
        return "ApiKey[****" + (value.length() >= 12 ? value.substring(value.length() - 2) : "") + "]";
    }
}
