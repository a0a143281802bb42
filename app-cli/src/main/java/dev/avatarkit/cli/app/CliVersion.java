package dev.avatarkit.cli.app;

import dev.avatarkit.runtime.AvatarkitVersion;
import picocli.CommandLine.IVersionProvider;

/** {@code avatarkit --version}: the version Maven built, and the Java running it (the first thing a bug report needs). */
public final class CliVersion implements IVersionProvider {
    @Override
    public String[] getVersion() {
        return new String[] {
            "avatarkit " + AvatarkitVersion.current(),
            "Java " + System.getProperty("java.version") + " (" + System.getProperty("java.vendor") + ")"
        };
    }
}
