package dev.avatarkit.runtime;

import dev.avatarkit.core.domain.ValidationException;
import dev.avatarkit.core.spi.ProviderPlugins;
import java.io.IOException;
import java.io.Reader;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Properties;
import java.util.Set;
import java.util.TreeSet;
import java.util.regex.Pattern;

/**
 * Builds {@link AvatarkitConfig} with DESIGN §5's precedence: flag &gt; environment &gt; config file
 * ({@code $AVATARKIT_HOME/config.properties} or {@code --config FILE}, keys named like the env vars) &gt; default.
 * Unknown keys in the file are an error, so a typo never silently falls back to a default.
 */
public final class ConfigLoader {
    /** The keys avatarkit itself reads; each installed provider adds its own (see {@link #keys()}). */
    public static final Set<String> CORE_KEYS = Set.of(
            "AVATARKIT_PROVIDER",
            "AVATARKIT_HOME",
            "AVATARKIT_DB_URL",
            "AVATARKIT_STORAGE",
            "AVATARKIT_STORAGE_DIR",
            "AVATARKIT_S3_BUCKET",
            "AVATARKIT_S3_PREFIX",
            "AVATARKIT_S3_ENDPOINT",
            "AVATARKIT_S3_PATH_STYLE",
            "AWS_REGION",
            "AVATARKIT_SANDBOX",
            "AVATARKIT_HTTP_PORT",
            "AVATARKIT_HTTP_TOKENS",
            "AVATARKIT_PUBLIC_URL");
    /** The provider new jobs use unless asked otherwise. */
    public static final String DEFAULT_PROVIDER = "heygen";

    /** What a key of ours looks like; anything else in a config file is never echoed back. */
    private static final Pattern KEY_NAME = Pattern.compile("[A-Z][A-Z0-9]*(_[A-Z0-9]+)+");

    private ConfigLoader() {}

    /** Every key we read: ours and the installed providers'; the config file may hold exactly these. */
    public static Set<String> keys() {
        Set<String> keys = new TreeSet<>(CORE_KEYS);
        ProviderPlugins.installed().settings().forEach(s -> keys.add(s.name()));
        return keys;
    }

    /**
     * @param flags      values given on the command line, keyed like the env vars
     * @param env        the process environment
     * @param configFile {@code --config FILE}, or null for {@code $AVATARKIT_HOME/config.properties} if it exists
     */
    public static AvatarkitConfig load(Map<String, String> flags, Map<String, String> env, Path configFile) {
        return loadWithSources(flags, env, configFile).config();
    }

    /**
     * {@link #load}, also saying where each value came from. This is the one place precedence is decided: each level
     * overwrites the one below it, and the source recorded beside a value is the level that wrote it last.
     */
    public static ConfigReport loadWithSources(Map<String, String> flags, Map<String, String> env, Path configFile) {
        Map<String, String> merged = new HashMap<>();
        Map<String, ConfigReport.Source> sources = new HashMap<>();
        // the home locates the default config file, so the file itself cannot move it
        String homeFlag = blankToNull(flags.get("AVATARKIT_HOME"));
        String homeEnv = blankToNull(env.get("AVATARKIT_HOME"));
        Path home = Path.of(first(homeFlag, homeEnv, System.getProperty("user.home") + "/.avatarkit"));
        Path file = configFile != null ? configFile : home.resolve("config.properties");
        boolean fileFound = configFile != null || Files.isRegularFile(file);
        if (fileFound) put(merged, sources, readFile(file), ConfigReport.Source.file(file));
        Map<String, String> fromEnv = new HashMap<>();
        Set<String> keys = keys();
        env.forEach((k, v) -> {
            if (keys.contains(k) && v != null && !v.isBlank()) fromEnv.put(k, v);
        });
        put(merged, sources, fromEnv, ConfigReport.Source.ENV);
        Map<String, String> fromFlags = new HashMap<>();
        flags.forEach((k, v) -> {
            if (v != null) fromFlags.put(k, v);
        });
        put(merged, sources, fromFlags, ConfigReport.Source.FLAG);
        sources.put(
                "AVATARKIT_HOME",
                homeFlag != null
                        ? ConfigReport.Source.FLAG
                        : homeEnv != null ? ConfigReport.Source.ENV : ConfigReport.Source.DEFAULT);
        if (bool(merged, "AVATARKIT_SANDBOX")) isolateSandbox(merged, sources, home);
        AvatarkitConfig config = build(merged, home);
        return new ConfigReport(config, ConfigSettings.of(config, sources), file, fileFound);
    }

    private static void put(
            Map<String, String> merged,
            Map<String, ConfigReport.Source> sources,
            Map<String, String> level,
            ConfigReport.Source source) {
        merged.putAll(level);
        level.keySet().forEach(k -> sources.put(k, source));
    }

    /**
     * The sandbox's renders exist only in its simulator, so sandbox work never shares state with real work, in any
     * app: its jobs live in {@code $AVATARKIT_HOME/sandbox.db} whatever {@code AVATARKIT_DB_URL} says (a sandbox
     * process resuming real jobs against its simulator would fail paid renders), and its S3 objects under
     * {@code sandbox/}. Local assets stay in the storage directory: they are keyed by job id and hold nothing to resume.
     */
    private static void isolateSandbox(
            Map<String, String> merged, Map<String, ConfigReport.Source> sources, Path home) {
        merged.put("AVATARKIT_DB_URL", sandboxDbUrl(home));
        merged.put("AVATARKIT_S3_PREFIX", "sandbox/" + merged.getOrDefault("AVATARKIT_S3_PREFIX", ""));
        sources.put("AVATARKIT_DB_URL", ConfigReport.Source.SANDBOX);
        sources.put("AVATARKIT_S3_PREFIX", ConfigReport.Source.SANDBOX);
    }

    /** Where sandbox jobs live: never the real job database. */
    public static String sandboxDbUrl(Path home) {
        return "jdbc:sqlite:" + home.resolve("sandbox.db");
    }

    private static AvatarkitConfig build(Map<String, String> v, Path home) {
        String storageDir = v.getOrDefault("AVATARKIT_STORAGE_DIR", "./avatarkit-assets");
        return new AvatarkitConfig(
                v.getOrDefault("AVATARKIT_PROVIDER", DEFAULT_PROVIDER).trim().toLowerCase(),
                providerValues(v),
                home,
                v.getOrDefault("AVATARKIT_DB_URL", "jdbc:sqlite:" + home.resolve("avatarkit.db")),
                v.getOrDefault("AVATARKIT_STORAGE", "local").trim().toLowerCase(),
                Path.of(storageDir),
                v.get("AVATARKIT_S3_BUCKET"),
                v.getOrDefault("AVATARKIT_S3_PREFIX", ""),
                v.containsKey("AVATARKIT_S3_ENDPOINT") ? uri(v, "AVATARKIT_S3_ENDPOINT", null) : null,
                bool(v, "AVATARKIT_S3_PATH_STYLE"),
                v.get("AWS_REGION"),
                bool(v, "AVATARKIT_SANDBOX"),
                integer(v, "AVATARKIT_HTTP_PORT", 8080),
                v.containsKey("AVATARKIT_HTTP_TOKENS")
                        ? Arrays.stream(v.get("AVATARKIT_HTTP_TOKENS").split(","))
                                .map(String::trim)
                                .filter(t -> !t.isEmpty())
                                .map(Secret::new)
                                .toList()
                        : List.of(),
                v.containsKey("AVATARKIT_PUBLIC_URL") ? uri(v, "AVATARKIT_PUBLIC_URL", null) : null);
    }

    /**
     * The providers' settings, checked now by the chosen provider (its dialect and limits), so a bad value is
     * reported at start, naming its key, rather than by the first job.
     */
    private static ProviderValues providerValues(Map<String, String> v) {
        ProviderPlugins plugins = ProviderPlugins.installed();
        Map<String, String> values = new HashMap<>();
        plugins.settings().forEach(s -> {
            if (v.containsKey(s.name())) values.put(s.name(), v.get(s.name()));
        });
        ProviderValues settings = new ProviderValues(values, plugins.secretNames());
        plugins.get(
                v.getOrDefault("AVATARKIT_PROVIDER", DEFAULT_PROVIDER).trim().toLowerCase(), "AVATARKIT_PROVIDER");
        plugins.all().forEach(plugin -> plugin.validate(settings));
        return settings;
    }

    private static Map<String, String> readFile(Path file) {
        Properties properties = new Properties();
        try (Reader reader = Files.newBufferedReader(file)) {
            properties.load(reader);
        } catch (IOException e) {
            throw new ValidationException("config", "cannot read config file " + file + ": " + e.getMessage());
        }
        Set<String> unknown = new TreeSet<>(properties.stringPropertyNames());
        unknown.removeAll(keys());
        if (!unknown.isEmpty()) throw unknownKeys(file, unknown);
        Map<String, String> out = new HashMap<>();
        properties
                .stringPropertyNames()
                .forEach(k -> out.put(k, properties.getProperty(k).trim()));
        return out;
    }

    /**
     * Names a typo'd key, but never echoes text that does not look like a key name: a value pasted on its own line
     * (a secret, say) or a file that is not ours at all ({@code --config /etc/passwd}) is reported by line number only.
     */
    private static ValidationException unknownKeys(Path file, Set<String> unknown) {
        List<String> shown =
                unknown.stream().filter(k -> KEY_NAME.matcher(k).matches()).toList();
        List<Integer> hiddenLines = linesStartingWith(
                file, unknown.stream().filter(k -> !shown.contains(k)).toList());
        StringBuilder message = new StringBuilder("config file " + file + " is not KEY=value lines of known keys:");
        if (!shown.isEmpty()) message.append(" unknown key(s) ").append(shown).append(';');
        if (!hiddenLines.isEmpty()) {
            message.append(" line(s) ")
                    .append(hiddenLines)
                    .append(" are not KEY=value (not shown: they may hold a secret; put KEY=value on one line);");
        }
        message.append(" allowed keys: ").append(keys());
        return new ValidationException("config", message.toString());
    }

    private static List<Integer> linesStartingWith(Path file, List<String> keys) {
        if (keys.isEmpty()) return List.of();
        try {
            List<String> lines = Files.readAllLines(file, StandardCharsets.ISO_8859_1); // Properties' own charset rule
            List<Integer> numbers = new ArrayList<>();
            for (int i = 0; i < lines.size(); i++) {
                String line = lines.get(i).strip();
                if (keys.stream().anyMatch(k -> !k.isEmpty() && line.startsWith(k))) numbers.add(i + 1);
            }
            return numbers;
        } catch (IOException e) {
            return List.of();
        }
    }

    private static String blankToNull(String value) {
        return value == null || value.isBlank() ? null : value;
    }

    private static String first(String... values) {
        for (String value : values) if (value != null && !value.isBlank()) return value;
        return null;
    }

    private static URI uri(Map<String, String> v, String key, String fallback) {
        String raw = v.getOrDefault(key, fallback);
        try {
            URI uri = URI.create(raw.trim());
            if (uri.getScheme() == null
                    || !(uri.getScheme().equals("http") || uri.getScheme().equals("https"))) {
                throw new IllegalArgumentException("not http(s)");
            }
            return uri;
        } catch (IllegalArgumentException e) {
            throw new ValidationException(key, key + " must be an http(s) URL, was '" + raw + "'");
        }
    }

    private static int integer(Map<String, String> v, String key, int fallback) {
        String raw = v.get(key);
        if (raw == null) return fallback;
        try {
            return Integer.parseInt(raw.trim());
        } catch (NumberFormatException e) {
            throw new ValidationException(key, key + " must be a whole number, was '" + raw + "'");
        }
    }

    private static boolean bool(Map<String, String> v, String key) {
        String raw = v.getOrDefault(key, "false").trim().toLowerCase();
        return switch (raw) {
            case "1", "true", "yes", "on" -> true;
            case "0", "false", "no", "off", "" -> false;
            default -> throw new ValidationException(key, key + " must be 1/true or 0/false, was '" + raw + "'");
        };
    }
}
