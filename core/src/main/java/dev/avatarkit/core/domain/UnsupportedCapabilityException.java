package dev.avatarkit.core.domain;

/**
 * A request needs something the chosen provider does not offer (e.g. templates at D-ID). Raised before anything
 * is stored or sent; the CLI exits 2 and the server answers 422.
 */
public final class UnsupportedCapabilityException extends ValidationException {
    private final String provider;
    private final String capability;

    public UnsupportedCapabilityException(String provider, String capability) {
        super(
                "provider",
                "provider '" + provider + "' does not support " + capability + "; choose a provider that offers it");
        this.provider = provider;
        this.capability = capability;
    }

    public String provider() {
        return provider;
    }

    public String capability() {
        return capability;
    }

    /** A stable code for problem bodies and the CLI. */
    public String code() {
        return "unsupported_capability";
    }
}
