package dev.avatarkit.did;

import dev.avatarkit.core.port.ProviderCapabilities;
import dev.avatarkit.core.port.ProviderCapabilities.Feature;
import dev.avatarkit.core.spi.Provider;
import dev.avatarkit.core.spi.ProviderContext;
import dev.avatarkit.core.spi.ProviderPlugin;
import dev.avatarkit.core.spi.ProviderSettings;
import dev.avatarkit.core.spi.Setting;
import java.util.EnumSet;
import java.util.List;

/** D-ID (talking photos and presenters) as a provider plugin, found through {@code META-INF/services}. */
public final class DidPlugin implements ProviderPlugin {
    public static final String NAME = "d-id";
    public static final String API_KEY = "DID_API_KEY";
    public static final String BASE_URL = "DID_BASE_URL";
    public static final String AUTH_SCHEME = "DID_AUTH_SCHEME";
    public static final String MAX_CONCURRENCY = "DID_MAX_CONCURRENCY";

    /** D-ID's {@code script.input} limit (OpenAPI 4.2.1: 3–40,000 characters; each TTS voice may accept less). */
    static final int MAX_SCRIPT_CHARS = 40_000;

    /**
     * No templates and no stills (D-ID has neither); no identities either: a photo needs no identity job (it is used
     * as {@code --image} directly), and the consent-video avatars do not fit a prompt-driven port.
     */
    private static final EnumSet<Feature> FEATURES = EnumSet.of(
            Feature.VIDEOS,
            Feature.PHOTO_AVATARS,
            Feature.AUDIO_SCRIPTS,
            Feature.CATALOG,
            Feature.CREDITS,
            Feature.WEBHOOKS);

    @Override
    public String name() {
        return NAME;
    }

    @Override
    public String description() {
        return "D-ID: talking photos (talks) and stock presenters (clips)";
    }

    @Override
    public List<Setting> settings() {
        return List.of(
                Setting.secret(API_KEY, "D-ID API key, sent verbatim after the auth scheme"),
                Setting.plain(BASE_URL, DidConfig.DEFAULT_BASE_URL, "D-ID API base URL"),
                Setting.plain(
                        AUTH_SCHEME,
                        DidConfig.DEFAULT_AUTH_SCHEME,
                        "word before the key in Authorization (Basic or Bearer)"),
                Setting.plain(
                        MAX_CONCURRENCY,
                        String.valueOf(DidConfig.DEFAULT_MAX_CONCURRENCY),
                        "D-ID renders in flight per account"));
    }

    /** D-ID has one API dialect. */
    @Override
    public String dialect(ProviderSettings settings) {
        return "";
    }

    /** Base URL, auth scheme and concurrency are checked at start; the key only when a call needs it. */
    @Override
    public void validate(ProviderSettings settings) {
        DidConfig.from(settings);
    }

    @Override
    public ProviderCapabilities capabilities(ProviderSettings settings, String dialect) {
        requireDialect(dialect);
        return capabilities(DidConfig.from(settings).maxConcurrency());
    }

    static ProviderCapabilities capabilities(int maxConcurrency) {
        // no idempotency key at D-ID: an ambiguous create is reconciled through the listing, never resent
        return new ProviderCapabilities(false, false, MAX_SCRIPT_CHARS, maxConcurrency, FEATURES);
    }

    /** Builds the clients only; nothing is sent until the first call, and a missing key is reported then. */
    @Override
    public Provider open(ProviderSettings settings, String dialect, ProviderContext context) {
        requireDialect(dialect);
        return new DidProvider(DidConfig.from(settings), context);
    }

    private static void requireDialect(String dialect) {
        if (dialect != null && !dialect.isEmpty()) {
            throw new IllegalArgumentException("D-ID has one dialect (\"\"), not '" + dialect + "'");
        }
    }
}
