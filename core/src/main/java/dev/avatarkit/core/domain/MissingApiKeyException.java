package dev.avatarkit.core.domain;

/**
 * A provider is needed and no API key is configured for it. Apps treat it as an authentication problem (CLI exit 3)
 * and say how to get a key or how to try everything offline.
 */
public final class MissingApiKeyException extends ValidationException {
    private final String provider;

    /**
     * @param setting where the key goes (e.g. {@code HEYGEN_API_KEY})
     * @param where   where a user gets one (a URL or a page name)
     */
    public MissingApiKeyException(String provider, String setting, String where) {
        super(setting, "no " + provider + " API key: set " + setting + " (" + where + ")");
        this.provider = provider;
    }

    public String provider() {
        return provider;
    }
}
