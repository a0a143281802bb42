package dev.avatarkit.cli;

import com.google.inject.Guice;
import com.google.inject.Injector;
import com.google.inject.Module;
import java.util.List;

/** The {@code avatarkit} command line: lists its modules, builds one injector, runs, exits with the run's code. */
public final class Main {
    private Main() {}

    public static void main(String[] args) {
        Io io = Io.system();
        List<Module> modules = List.of(new CliModule(io, new RuntimeWiring()));
        Injector injector = Guice.createInjector(modules);
        int code = injector.getInstance(Cli.class).run(args);
        System.exit(code);
    }
}
