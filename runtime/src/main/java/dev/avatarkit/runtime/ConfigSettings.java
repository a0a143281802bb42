package dev.avatarkit.runtime;

import dev.avatarkit.core.spi.ProviderPlugins;
import dev.avatarkit.core.spi.Setting;
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

    /** DESIGN §5's keys in its order: provider, then storage, then server (the providers' own follow, see {@link #of}). */
    private static final Map<String, Function<AvatarkitConfig, String>> SHOWN = new LinkedHashMap<>();

    private static final List<String> SECRETS = List.of("AVATARKIT_HTTP_TOKENS");

    static {
        SHOWN.put("AVATARKIT_PROVIDER", AvatarkitConfig::provider);
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
        SHOWN.put(
                "AVATARKIT_HTTP_TOKENS",
                c -> c.httpTokens().isEmpty() ? null : c.httpTokens().size() + " token(s) " + REDACTED);
        SHOWN.put("AVATARKIT_PUBLIC_URL", c -> str(c.publicUrl()));
    }

    private ConfigSettings() {}

    /** Every key of {@link ConfigLoader#KEYS}; a key nobody set and without a default is {@code not set}. */
    static List<ConfigReport.Setting> of(AvatarkitConfig config, Map<String, ConfigReport.Source> sources) {
        List<ConfigReport.Setting> out = new ArrayList<>();
        SHOWN.forEach((key, shown) -> out.add(setting(key, shown.apply(config), sources, SECRETS.contains(key))));
        for (Setting setting : ProviderPlugins.installed().settings()) {
            String value = config.providerSettings().get(setting.name()).orElse(setting.defaultValue());
            if (setting.secret() && value != null) value = REDACTED;
            out.add(setting(setting.name(), value, sources, setting.secret()));
        }
        return out;
    }

    private static ConfigReport.Setting setting(
            String key, String value, Map<String, ConfigReport.Source> sources, boolean secret) {
        ConfigReport.Source source =
                value == null ? ConfigReport.Source.UNSET : sources.getOrDefault(key, ConfigReport.Source.DEFAULT);
        return new ConfigReport.Setting(key, value, source, secret);
    }

    /** The keys shown, in order (a test pins them to {@link ConfigLoader#keys()}). */
    static List<String> keys() {
        List<String> keys = new ArrayList<>(SHOWN.keySet());
        ProviderPlugins.installed().settings().forEach(s -> keys.add(s.name()));
        return keys;
    }

    private static String str(Object value) {
        return Objects.toString(value, null);
    }
}
