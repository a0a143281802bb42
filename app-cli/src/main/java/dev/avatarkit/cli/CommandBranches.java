package dev.avatarkit.cli;

import dev.avatarkit.cli.command.RootCommand;
import java.util.List;
import picocli.CommandLine.Command;

/**
 * Which top-level commands a run registers. picocli reflects over every command it is given before parsing, so
 * when the first argument names a command, only that branch is built: {@code jobs list} then costs one branch
 * instead of the whole tree. Anything else — a global option first, {@code --help}, a typo (whose error lists the
 * commands), {@code help} and {@code completion} — gets the whole tree, so usage and errors read as before.
 */
final class CommandBranches {
    private CommandBranches() {}

    static List<Class<?>> forArguments(String... args) {
        if (args.length == 0) return RootCommand.COMMANDS;
        for (Class<?> command : RootCommand.COMMANDS) {
            if (command.getAnnotation(Command.class).name().equals(args[0])) {
                return RootCommand.NEED_THE_WHOLE_TREE.contains(command) ? RootCommand.COMMANDS : List.of(command);
            }
        }
        return RootCommand.COMMANDS;
    }
}
