package dev.avatarkit.runtime;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.function.Function;

/**
 * The effective value of each key, read back from the built {@link AvatarkitConfig} (so defaults and normalisation
 * show as they are used, not as typed), with secrets reduced to whether they are set.
 */
final class ConfigSettings {
    /** Printed instead of a secret's value. */
    static final String REDACTED = "set (redacted)";

    /** DESIGN §5's keys in its order: provider, then storage, then server. */
    private static final Map<String, Function<AvatarkitConfig, String>> SHOWN = new LinkedHashMap<>();
    private static final List<String> SECRETS = List.of("HEYGEN_API_KEY", "HEYGEN_WEBHOOK_SECRET", "AVATARKIT_HTTP_TOKENS");

    static {
        SHOWN.put("HEYGEN_API_KEY", c -> secret(c.apiKey()));
        SHOWN.put("HEYGEN_BASE_URL", c -> str(c.baseUrl()));
        SHOWN.put("HEYGEN_UPLOAD_URL", c -> str(c.uploadUrl()));
        SHOWN.put("HEYGEN_API_VERSION", AvatarkitConfig::apiVersion);
        SHOWN.put("HEYGEN_MAX_CONCURRENCY", c -> String.valueOf(c.maxConcurrency()));
        SHOWN.put("HEYGEN_WEBHOOK_SECRET", c -> secret(c.webhookSecret()));
        SHOWN.put("AVATARKIT_HOME", c -> str(c.home()));
        SHOWN.put("AVATARKIT_DB_URL", c -> ConfigReport.withoutPassword(c.dbUrl()));
        SHOWN.put("AVATARKIT_STORAGE", AvatarkitConfig::storage);
        SHOWN.put("AVATARKIT_STORAGE_DIR", c -> str(c.storageDir()));
        SHOWN.put("AVATARKIT_S3_BUCKET", AvatarkitConfig::s3Bucket);
        SHOWN.put("AVATARKIT_S3_PREFIX", c -> c.s3Prefix().isEmpty() ? null : c.s3Prefix());
        SHOWN.put("AVATARKIT_S3_ENDPOINT", c -> str(c.s3Endpoint()));
        SHOWN.put("AVATARKIT_S3_PATH_STYLE", c -> String.valueOf(c.s3PathStyle()));
        SHOWN.put("AWS_REGION", AvatarkitConfig::awsRegion);
        SHOWN.put("AVATARKIT_SANDBOX", c -> String.valueOf(c.sandbox()));
        SHOWN.put("AVATARKIT_HTTP_PORT", c -> String.valueOf(c.httpPort()));
        SHOWN.put("AVATARKIT_HTTP_TOKENS", c -> c.httpTokens().isEmpty() ? null : c.httpTokens().size() + " token(s) " + REDACTED);
        SHOWN.put("AVATARKIT_PUBLIC_URL", c -> str(c.publicUrl()));
    }

    private ConfigSettings() {}

    /** Every key of {@link ConfigLoader#KEYS}; a key nobody set and without a default is {@code not set}. */
    static List<ConfigReport.Setting> of(AvatarkitConfig config, Map<String, ConfigReport.Source> sources) {
        List<ConfigReport.Setting> out = new ArrayList<>();
        SHOWN.forEach((key, shown) -> {
            String value = shown.apply(config);
            ConfigReport.Source source = value == null ? ConfigReport.Source.UNSET
                    : sources.getOrDefault(key, ConfigReport.Source.DEFAULT);
            out.add(new ConfigReport.Setting(key, value, source, SECRETS.contains(key)));
        });
        return out;
    }

    /** The keys shown, in order (a test pins them to {@link ConfigLoader#KEYS}). */
    static List<String> keys() {
        return List.copyOf(SHOWN.keySet());
    }

    private static String secret(Secret secret) {
        return secret == null ? null : REDACTED;
    }

    private static String str(Object value) {
        return Objects.toString(value, null);
    }
}
