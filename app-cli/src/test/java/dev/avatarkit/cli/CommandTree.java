package dev.avatarkit.cli;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import picocli.CommandLine;

/** Every command of the CLI (the root included), depth first in declaration order, as the parsed tree has them. */
final class CommandTree {
    private CommandTree() {}

    static List<CommandLine> all(CommandLine root) {
        List<CommandLine> out = new ArrayList<>();
        collect(root, out);
        return out;
    }

    /** The commands a user runs (no subcommands of their own), without {@code help}. */
    static List<CommandLine> leaves(CommandLine root) {
        return all(root).stream()
                .filter(c -> c.getSubcommands().isEmpty() && !c.getCommandSpec().helpCommand())
                .toList();
    }

    /** The words after {@code avatarkit}, e.g. {@code [video, create]}; empty for the root. */
    static List<String> path(CommandLine command) {
        List<String> words =
                Arrays.asList(command.getCommandSpec().qualifiedName(" ").split(" "));
        return words.subList(1, words.size());
    }

    /** {@code path} followed by {@code more}, as command-line arguments. */
    static String[] args(CommandLine command, String... more) {
        List<String> out = new ArrayList<>(path(command));
        out.addAll(List.of(more));
        return out.toArray(String[]::new);
    }

    private static void collect(CommandLine command, List<CommandLine> out) {
        out.add(command);
        command.getSubcommands().values().forEach(sub -> collect(sub, out));
    }
}
