package dev.avatarkit.cli;

import com.google.inject.Inject;
import com.google.inject.Injector;
import com.google.inject.Provider;
import dev.avatarkit.cli.app.Durations;
import dev.avatarkit.cli.app.ExitCodes;
import dev.avatarkit.cli.app.GlobalOptions;
import dev.avatarkit.cli.app.Io;
import dev.avatarkit.cli.app.Logging;
import dev.avatarkit.cli.command.RootCommand;
import dev.avatarkit.cli.output.Output;
import dev.avatarkit.runtime.Lifecycle;
import java.time.Duration;
import java.util.List;
import picocli.CommandLine;

/**
 * One run of the command line: parse, configure logging from the global flags, execute, map whatever went wrong
 * to an exit code and an error message (see {@link ExitCodes}), close what the run opened.
 */
public final class Cli {
    private final Injector injector;
    private final Io io;
    private final GlobalOptions global;
    private final Output output;
    private final Provider<Lifecycle> lifecycle;

    @Inject
    Cli(Injector injector, Io io, GlobalOptions global, Output output, Provider<Lifecycle> lifecycle) {
        this.injector = injector;
        this.io = io;
        this.global = global;
        this.output = output;
        this.lifecycle = lifecycle;
    }

    public int run(String... args) {
        CommandLine cli = commandLine(CommandBranches.forArguments(args));
        try {
            return cli.execute(args);
        } finally {
            // the one stop: workers, database, simulator, HTTP clients — whatever this run built registered there
            lifecycle.get().close();
        }
    }

    /** The whole command tree. */
    CommandLine commandLine() {
        return commandLine(RootCommand.COMMANDS);
    }

    private CommandLine commandLine(List<Class<?>> commands) {
        CommandLine cli = new CommandLine(RootCommand.class, new GuiceFactory(injector));
        // subcommands first: the settings below reach only the subcommands already added
        for (Class<?> command : commands) cli.addSubcommand(command);
        cli.setOut(io.out());
        cli.setErr(io.err());
        cli.setCaseInsensitiveEnumValuesAllowed(true);
        cli.registerConverter(Duration.class, Durations::parse);
        cli.setExecutionStrategy(parsed -> {
            // help and version print before the logs are set up: logback's start was a sixth of --help's 0.32 s
            Integer helped = CommandLine.executeHelpRequest(parsed);
            if (helped != null) return helped;
            Logging.configure(global.verbosity(), global.quiet(), io.err());
            return new CommandLine.RunLast().execute(parsed);
        });
        cli.setExecutionExceptionHandler((e, command, parsed) -> fail(e));
        // the failure's hint already says which --help to read (ExitCodes), so nothing is printed beside it
        cli.setParameterExceptionHandler((e, arguments) -> fail(e));
        return cli;
    }

    private int fail(Exception e) {
        ExitCodes.Failure failure = ExitCodes.of(e);
        output.error(failure);
        if (global.verbosity() > 0 && failure.code().equals("internal")) {
            java.io.StringWriter trace = new java.io.StringWriter();
            e.printStackTrace(new java.io.PrintWriter(trace));
            io.err().println(Logging.mask(trace.toString()));
        }
        return failure.exitCode();
    }
}
