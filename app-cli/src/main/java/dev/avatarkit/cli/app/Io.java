package dev.avatarkit.cli.app;

import java.io.PrintWriter;
import java.nio.file.Path;
import java.util.Map;

/**
 * The process's outside world as the commands see it: where output goes, the environment, the working directory
 * and whether a person is watching (a TTY gets a progress bar, anything else gets plain lines). Tests pass their own.
 */
public record Io(PrintWriter out, PrintWriter err, Map<String, String> env, Path workingDir, boolean tty) {
    public Io {
        env = Map.copyOf(env);
    }

    /** The real process: stdout, stderr, {@code System.getenv()}, a TTY when {@code System.console()} exists. */
    public static Io system() {
        return new Io(
                new PrintWriter(System.out, true),
                new PrintWriter(System.err, true),
                System.getenv(),
                Path.of("").toAbsolutePath(),
                System.console() != null);
    }

    /** Resolves a user-given path against the working directory. */
    public Path resolve(String path) {
        return workingDir.resolve(path).normalize();
    }
}
