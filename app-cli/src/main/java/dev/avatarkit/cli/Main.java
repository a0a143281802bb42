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
    private Main() {}

    public static void main(String[] args) {
        Io io = Io.system();
        RuntimeWiring wiring;
        try {
            wiring = RuntimeWiring.fromEnv(io.env());
        } catch (dev.avatarkit.core.domain.ValidationException e) {
            io.err().println("error: " + e.getMessage());
            System.exit(ExitCodes.USAGE);
            return;
        }
        List<Module> modules = List.of(new CliModule(io, wiring));
        Injector injector = Guice.createInjector(modules);
        int code = injector.getInstance(Cli.class).run(args);
        System.exit(code);
    }
}
