package dev.avatarkit.core.domain;

/** The provider's id for a render (HeyGen video id, look id, generation id). */
public record ProviderRef(String value) {
    public ProviderRef {
        Require.nonBlank(value, "providerRef");
        Require.maxLength(value, 255, "providerRef");
    }

    @Override
    public String toString() {
        return value;
    }
}
