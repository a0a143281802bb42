package dev.avatarkit.cli.app;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.util.Properties;
import picocli.CommandLine;

/**
 * {@code --version}: the Maven project version, written into {@code build.properties} when the resources are filtered,
 * so the version has one source (the pom) instead of a string in the code that nobody bumps.
 */
public final class BuildVersion implements CommandLine.IVersionProvider {
    static final String RESOURCE = "build.properties";

    @Override
    public String[] getVersion() {
        return new String[] {"avatarkit " + version()};
    }

    /** The project version, or {@code unknown} when the classes did not come from a Maven build (e.g. an IDE). */
    public static String version() {
        Properties build = new Properties();
        try (InputStream in = BuildVersion.class.getResourceAsStream(RESOURCE)) {
            if (in != null) build.load(in);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        String version = build.getProperty("version", "");
        return version.isBlank() || version.contains("${") ? "unknown" : version;
    }
}
