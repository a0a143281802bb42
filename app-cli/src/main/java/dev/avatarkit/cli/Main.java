package dev.avatarkit.cli;

import com.google.inject.Guice;
import com.google.inject.Injector;
import com.google.inject.Module;
import dev.avatarkit.cli.app.ExitCodes;
import dev.avatarkit.cli.app.Io;
import dev.avatarkit.cli.app.RuntimeWiring;
import java.util.List;

/** The {@code avatarkit} command line: lists its modules, builds one injector, runs, exits with the run's code. */
public final class Main {
    /**
     * Guice's switch for generating a class per injected type. A CLI run lives for half a second: defining those
     * classes (ASM, and none of them can be in the start-up archive) cost ~50 ms of CPU in {@code jobs list},
     * more than plain reflection costs over so few injections. A value set with {@code -D} wins.
     */
    static final String GUICE_BYTECODE = "guice_bytecode_gen_option";

    private Main() {}

    public static void main(String[] args) {
        System.exit(run(Io.system(), args));
    }

    /** One run of the command line; returns its exit code. */
    static int run(Io io, String... args) {
        if (System.getProperty(GUICE_BYTECODE) == null) System.setProperty(GUICE_BYTECODE, "DISABLED");
        RuntimeWiring wiring;
        try {
            wiring = RuntimeWiring.fromEnv(io.env());
        } catch (dev.avatarkit.core.domain.ValidationException e) {
            io.err().println("error: " + e.getMessage());
            return ExitCodes.USAGE;
        }
        List<Module> modules = List.of(new CliModule(io, wiring));
        Injector injector = Guice.createInjector(modules);
        return injector.getInstance(Cli.class).run(args);
    }
}
