package dev.avatarkit.cli;

import com.google.inject.Module;
import com.google.inject.util.Modules;
import dev.avatarkit.cli.app.Io;
import dev.avatarkit.cli.app.RuntimeWiring;
import dev.avatarkit.core.engine.EnginePolicy;
import dev.avatarkit.runtime.PlatformOptions;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.nio.file.Path;
import java.time.Duration;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/**
 * Runs the CLI in-process the way {@link Main} does (same modules, one injector per run), with captured stdout and
 * stderr, an env map and a temp {@code AVATARKIT_HOME} and storage dir. The sandbox renders in half a second.
 */
final class CliHarness {
    static final String AVATAR = "Daisy-inskirt-20220818";
    static final String VOICE = "2d5b0e6cf36f460aa7fc47e3eee4ba54";
    static final PlatformOptions FAST = PlatformOptions.defaults()
            .withSandboxRenderTime(Duration.ofMillis(500))
            .withSchedulerPolling(Duration.ofMillis(50))
            .withPolicy(EnginePolicy.defaults(10).withPolling(Duration.ofMillis(100), Duration.ofMillis(400)));

    final Path dir;
    final Map<String, String> env = new HashMap<>();
    /** The platform's modules, as {@code main} chooses them (here with the fast options). */
    Module wiring = new RuntimeWiring(FAST);
    /** Bindings that replace the CLI's or the platform's (none by default). */
    Module overrides = Modules.EMPTY_MODULE;

    boolean tty;

    CliHarness(Path dir) {
        this.dir = dir;
        env.put("AVATARKIT_HOME", dir.resolve("home").toString());
        env.put("AVATARKIT_STORAGE_DIR", dir.resolve("avatarkit-assets").toString());
    }

    /** What a run printed and returned. */
    record Result(int code, String out, String err) {
        String all() {
            return out + "\n" + err;
        }
    }

    Result run(String... args) {
        StringWriter out = new StringWriter();
        StringWriter err = new StringWriter();
        Io io = new Io(new PrintWriter(out, true), new PrintWriter(err, true), env, dir, tty);
        int code = Main.run(modules(io), args);
        return new Result(code, out.toString(), err.toString());
    }

    /** The parsed command tree as a run builds it (nothing executed), for tests that walk every command. */
    picocli.CommandLine commandTree() {
        Io io = new Io(new PrintWriter(new StringWriter()), new PrintWriter(new StringWriter()), env, dir, tty);
        return Main.cli(modules(io)).commandLine();
    }

    private List<Module> modules(Io io) {
        if (overrides == Modules.EMPTY_MODULE) return List.of(new CliModule(io), wiring);
        return List.of(Modules.override(new CliModule(io), wiring).with(overrides));
    }

    Result sandbox(String... args) {
        String[] all = new String[args.length + 1];
        all[0] = "--sandbox";
        System.arraycopy(args, 0, all, 1, args.length);
        return run(all);
    }
}
