package dev.avatarkit.heygen;

import dev.avatarkit.core.domain.MissingApiKeyException;
import dev.avatarkit.core.domain.ValidationException;
import dev.avatarkit.core.port.AvatarProvider;
import dev.avatarkit.core.port.ProviderCapabilities;
import dev.avatarkit.core.port.ProviderCapabilities.Feature;
import dev.avatarkit.core.port.ProviderEvents;
import dev.avatarkit.core.port.VideoProvider;
import dev.avatarkit.core.spi.Provider;
import dev.avatarkit.core.spi.ProviderContext;
import dev.avatarkit.core.spi.ProviderPlugin;
import dev.avatarkit.core.spi.ProviderSettings;
import dev.avatarkit.core.spi.Setting;
import java.net.URI;
import java.util.EnumSet;
import java.util.List;
import java.util.Locale;
import java.util.Optional;

/**
 * HeyGen as a plugin ({@code META-INF/services}): its settings, its two dialects ({@code v3}, legacy {@code v2})
 * and what each can do. The runtime opens one {@link HeyGen} per dialect that jobs use.
 */
public final class HeyGenPlugin implements ProviderPlugin {
    public static final String NAME = "heygen";
    static final String API_KEY = "HEYGEN_API_KEY";
    static final String BASE_URL = "HEYGEN_BASE_URL";
    static final String UPLOAD_URL = "HEYGEN_UPLOAD_URL";
    static final String API_VERSION = "HEYGEN_API_VERSION";
    static final String MAX_CONCURRENCY = "HEYGEN_MAX_CONCURRENCY";
    static final String WEBHOOK_SECRET = "HEYGEN_WEBHOOK_SECRET";
    /** v3's script limit per scene (V3VideoProvider reports the same). */
    private static final int V3_MAX_SCENE_CHARS = 5000;

    @Override
    public String name() {
        return NAME;
    }

    @Override
    public String description() {
        return "HeyGen (api.heygen.com): avatar videos, templates, AI identities and stills; v3 API or legacy v2";
    }

    @Override
    public List<Setting> settings() {
        return List.of(
                Setting.secret(API_KEY, "HeyGen API key (https://app.heygen.com/settings?nav=API)"),
                Setting.plain(BASE_URL, HeyGenConfig.DEFAULT_BASE_URL.toString(), "HeyGen API base URL"),
                Setting.plain(
                        UPLOAD_URL,
                        HeyGenConfig.DEFAULT_UPLOAD_URL.toString(),
                        "HeyGen upload base URL (legacy assets)"),
                Setting.plain(API_VERSION, "v3", "the dialect new jobs use: v3 or v2 (running jobs keep theirs)"),
                Setting.plain(
                        MAX_CONCURRENCY,
                        String.valueOf(HeyGenConfig.DEFAULT_MAX_CONCURRENCY),
                        "renders in flight at once on the account (1-100)"),
                Setting.secret(WEBHOOK_SECRET, "secret HeyGen signs webhooks with (from its webhook endpoint)"));
    }

    @Override
    public String dialect(ProviderSettings settings) {
        return ApiVersion.parse(settings.get(API_VERSION).orElse("v3")).name().toLowerCase(Locale.ROOT);
    }

    @Override
    public void validate(ProviderSettings settings) {
        url(settings, BASE_URL, HeyGenConfig.DEFAULT_BASE_URL);
        url(settings, UPLOAD_URL, HeyGenConfig.DEFAULT_UPLOAD_URL);
        maxConcurrency(settings);
        dialect(settings);
    }

    @Override
    public ProviderCapabilities capabilities(ProviderSettings settings, String dialect) {
        int max = maxConcurrency(settings);
        EnumSet<Feature> features = EnumSet.allOf(Feature.class);
        return switch (version(dialect)) {
            // v3 keys creates (Idempotency-Key) and reads statuses in bulk; templates are keyed per route (see
            // V3VideoProvider#capabilities(JobSpec))
            case V3 -> new ProviderCapabilities(true, true, V3_MAX_SCENE_CHARS, max, features);
            case V2 -> new ProviderCapabilities(false, false, LegacyVideoProvider.MAX_SCENE_CHARS, max, features);
        };
    }

    @Override
    public Provider open(ProviderSettings settings, String dialect, ProviderContext context) {
        String key = settings.get(API_KEY)
                .orElseThrow(
                        () -> new MissingApiKeyException("HeyGen", API_KEY, "https://app.heygen.com/settings?nav=API"));
        HeyGenConfig config = HeyGenConfig.of(new ApiKey(key))
                .withBaseUrl(url(settings, BASE_URL, HeyGenConfig.DEFAULT_BASE_URL))
                .withUploadUrl(url(settings, UPLOAD_URL, HeyGenConfig.DEFAULT_UPLOAD_URL))
                .withWebhookSecret(settings.get(WEBHOOK_SECRET).orElse(null))
                .withApiVersion(version(dialect))
                .withMaxConcurrency(maxConcurrency(settings));
        HeyGen heygen = HeyGen.create(config, context.clock(), context.sleeper(), context.calls());
        return new Opened(
                heygen, capabilities(settings, dialect), version(dialect).name().toLowerCase(Locale.ROOT));
    }

    private static ApiVersion version(String dialect) {
        if (dialect == null || dialect.isEmpty()) return ApiVersion.V3;
        return ApiVersion.parse(dialect);
    }

    private static int maxConcurrency(ProviderSettings settings) {
        return settings.getInt(MAX_CONCURRENCY, HeyGenConfig.DEFAULT_MAX_CONCURRENCY, 1, 100);
    }

    private static URI url(ProviderSettings settings, String name, URI fallback) {
        Optional<String> raw = settings.get(name);
        if (raw.isEmpty()) return fallback;
        try {
            URI uri = URI.create(raw.get().trim());
            if ("http".equals(uri.getScheme()) || "https".equals(uri.getScheme())) return uri;
        } catch (IllegalArgumentException e) {
            // reported below
        }
        throw new ValidationException(name, name + " must be an http(s) URL, was '" + raw.get() + "'");
    }

    /** One opened dialect. */
    private record Opened(HeyGen heygen, ProviderCapabilities capabilities, String dialect) implements Provider {
        @Override
        public String name() {
            return NAME;
        }

        @Override
        public Optional<VideoProvider> videos() {
            return Optional.of(heygen.videos());
        }

        @Override
        public Optional<AvatarProvider> avatars() {
            return Optional.of(heygen.avatars());
        }

        @Override
        public Optional<ProviderEvents> events() {
            return Optional.of(heygen.events());
        }

        @Override
        public void close() {
            heygen.close();
        }
    }
}
