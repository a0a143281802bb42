package dev.avatarkit.core.domain;

/**
 * Which provider, speaking which API dialect, accepted a job. Stored on the job ({@code heygen:v2}, {@code d-id}) so
 * polling, downloads, retries and webhooks go back to the same provider and dialect, whatever is configured now.
 * A job stored before routes existed names only the provider: its dialect is empty and means "the provider's
 * configured dialect" (what such a job always used).
 */
public record ProviderRoute(String provider, String dialect) {
    public ProviderRoute {
        Require.that(
                provider != null && provider.matches("[a-z0-9][a-z0-9._-]*"),
                "provider",
                "a provider name is lowercase letters, digits, '.', '_' or '-', was '" + provider + "'");
        dialect = dialect == null ? "" : dialect;
        Require.that(
                dialect.matches("[a-z0-9._-]*"),
                "dialect",
                "a dialect is lowercase letters and digits, was '" + dialect + "'");
    }

    public static ProviderRoute of(String provider) {
        return new ProviderRoute(provider, "");
    }

    /** Reads the stored form: {@code name} or {@code name:dialect}. */
    public static ProviderRoute parse(String stored) {
        Require.nonBlank(stored, "provider");
        int colon = stored.indexOf(':');
        return colon < 0
                ? new ProviderRoute(stored, "")
                : new ProviderRoute(stored.substring(0, colon), stored.substring(colon + 1));
    }

    public boolean hasDialect() {
        return !dialect.isEmpty();
    }

    /** The stored form, {@link #parse}'s inverse. */
    public String stored() {
        return hasDialect() ? provider + ":" + dialect : provider;
    }

    @Override
    public String toString() {
        return stored();
    }
}
