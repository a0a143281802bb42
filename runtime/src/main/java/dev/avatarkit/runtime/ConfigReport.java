package dev.avatarkit.runtime;

import java.nio.file.Path;
import java.util.List;
import java.util.regex.Pattern;

/**
 * A loaded configuration together with where each value came from ({@code avatarkit config show}). Values are for
 * display: secrets are never in it, only whether they are set.
 *
 * @param file      the config file that was looked at ({@code --config FILE} or {@code $AVATARKIT_HOME/config.properties})
 * @param fileFound whether that file existed and was read
 */
public record ConfigReport(AvatarkitConfig config, List<Setting> settings, Path file, boolean fileFound) {
    /** {@code password=…} in a JDBC URL's query (PostgreSQL accepts the password there). */
    private static final Pattern URL_PASSWORD = Pattern.compile("(?i)(password=)[^&;]*");

    public ConfigReport {
        settings = List.copyOf(settings);
    }

    /** A database URL as safe to print: any {@code password=} value replaced. */
    public static String withoutPassword(String url) {
        return url == null ? null : URL_PASSWORD.matcher(url).replaceAll("$1(redacted)");
    }

    /** One key: its effective value as safe to print, and the precedence level that supplied it. */
    public record Setting(String key, String shown, Source source, boolean secret) {}

    /** A precedence level of DESIGN §5, plus the two that are not a level: values the sandbox forces, and unset keys. */
    public enum Level {
        FLAG("flag"),
        ENV("env"),
        FILE("file"),
        SANDBOX("sandbox"),
        DEFAULT("default"),
        UNSET("not set");

        private final String label;

        Level(String label) {
            this.label = label;
        }

        public String label() {
            return label;
        }
    }

    /** Where one value came from; {@code file} is set for {@link Level#FILE} only. */
    public record Source(Level level, Path file) {
        static final Source FLAG = new Source(Level.FLAG, null);
        static final Source ENV = new Source(Level.ENV, null);
        static final Source SANDBOX = new Source(Level.SANDBOX, null);
        static final Source DEFAULT = new Source(Level.DEFAULT, null);
        static final Source UNSET = new Source(Level.UNSET, null);

        static Source file(Path file) {
            return new Source(Level.FILE, file);
        }

        /** {@code env}, {@code file /home/me/.avatarkit/config.properties}, {@code default}… */
        public String describe() {
            return file == null ? level.label() : level.label() + " " + file;
        }
    }
}
