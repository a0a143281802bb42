package dev.avatarkit.cli.command;

import java.io.PrintWriter;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.Callable;
import picocli.CommandLine;
import picocli.CommandLine.Command;
import picocli.CommandLine.Parameters;

/**
 * {@code avatarkit help [COMMAND…]}: the usage of the command at that path, the same text {@code --help} prints there.
 * picocli's own help command takes one name only, so {@code help video create} would be an error.
 */
@Command(
        name = "help",
        helpCommand = true,
        description = "Show the usage of avatarkit, or of the command at a path (e.g. avatarkit help video create).")
public final class HelpCommand implements CommandLine.IHelpCommandInitializable2, Callable<Integer> {
    @Parameters(paramLabel = "COMMAND", arity = "0..*", description = "A command path, e.g. video create.")
    List<String> path = new ArrayList<>();

    private CommandLine self;
    private CommandLine.Help.ColorScheme colors;
    private PrintWriter out;

    @Override
    public void init(
            CommandLine helpCommandLine, CommandLine.Help.ColorScheme colorScheme, PrintWriter out, PrintWriter err) {
        this.self = helpCommandLine;
        this.colors = colorScheme;
        this.out = out;
    }

    @Override
    public Integer call() {
        CommandLine target = self.getParent();
        for (String name : path) {
            CommandLine next = target.getSubcommands().get(name);
            // the error belongs to the last command found, so its hint ("see: avatarkit video --help") lists the real
            // names
            if (next == null)
                throw new CommandLine.ParameterException(
                        target, "Unknown command: '" + name + "'; " + qualifiedName(target) + subcommands(target));
            target = next;
        }
        target.usage(out, colors);
        return 0;
    }

    private static String qualifiedName(CommandLine command) {
        return command.getCommandSpec().qualifiedName(" ");
    }

    private static String subcommands(CommandLine command) {
        return command.getSubcommands().isEmpty()
                ? " has no subcommands"
                : " has: " + String.join(", ", command.getSubcommands().keySet());
    }
}
