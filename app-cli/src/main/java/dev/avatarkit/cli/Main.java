package dev.avatarkit.cli;

import com.google.inject.Guice;
import com.google.inject.Injector;
import com.google.inject.Module;
import com.google.inject.Stage;
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
        RuntimeWiring platform;
        try {
            platform = RuntimeWiring.fromEnv(io.env());
        } catch (dev.avatarkit.core.domain.ValidationException e) {
            io.err().println("error: " + e.getMessage());
            return ExitCodes.USAGE;
        }
        return run(List.of(new CliModule(io), platform), args);
    }

    /**
     * One run with these modules in one injector. DEVELOPMENT: every singleton is built when first asked for, so a
     * command builds only what it calls ({@code jobs list} opens the job database; {@code --help} builds nothing).
     */
    static int run(List<Module> modules, String... args) {
        return cli(modules).run(args);
    }

    /** A run's command line, built by one injector of {@code modules} (tests use this to inspect the tree). */
    static Cli cli(List<Module> modules) {
        if (System.getProperty(GUICE_BYTECODE) == null) System.setProperty(GUICE_BYTECODE, "DISABLED");
        Injector injector = Guice.createInjector(Stage.DEVELOPMENT, modules);
        return injector.getInstance(Cli.class);
    }
}
