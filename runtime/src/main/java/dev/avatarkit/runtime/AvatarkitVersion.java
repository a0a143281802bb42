package dev.avatarkit.runtime;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.util.Properties;

/**
 * The version this build was made from, shown by {@code avatarkit --version} and {@code GET /healthz}. Maven writes
 * it into {@code avatarkit-version.properties} at build time, so the pom stays the one place a version is set.
 */
public final class AvatarkitVersion {
    private static final String RESOURCE = "/avatarkit-version.properties";

    private AvatarkitVersion() {}

    /** e.g. {@code 0.1.0-SNAPSHOT}; {@code unknown} when run from classes Maven did not process (an IDE's own build). */
    public static String current() {
        try (InputStream in = AvatarkitVersion.class.getResourceAsStream(RESOURCE)) {
            if (in == null) return "unknown";
            Properties properties = new Properties();
            properties.load(in);
            String version = properties.getProperty("version", "");
            return version.isBlank() || version.startsWith("${") ? "unknown" : version;
        } catch (IOException e) {
            throw new UncheckedIOException("cannot read " + RESOURCE, e);
        }
    }
}
