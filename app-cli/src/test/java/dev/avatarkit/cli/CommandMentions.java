package dev.avatarkit.cli;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Optional;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import picocli.CommandLine;

/**
 * Finds {@code avatarkit …} in a text (a hint, a message, a usage line) and checks it against the command tree: the
 * words must lead to a command, and the flags that follow must be options of it. Placeholders ({@code <id>},
 * {@code ID}) and values are skipped; a mention ends at a quote, backtick, bracket, comma or semicolon.
 */
final class CommandMentions {
    private static final Pattern MENTION = Pattern.compile("\\bavatarkit ([^`'\"(),;]*)");
    private static final Pattern WORD = Pattern.compile("[a-z][a-z0-9-]*");
    private static final Pattern FLAG = Pattern.compile("--?[a-zA-Z][a-zA-Z-]*");

    private CommandMentions() {}

    /** The argument lists after each {@code avatarkit} in {@code text}, split on spaces, sentence dots dropped. */
    static List<List<String>> in(String text) {
        List<List<String>> out = new ArrayList<>();
        Matcher m = MENTION.matcher(text);
        while (m.find()) {
            List<String> words = Arrays.stream(m.group(1).strip().split("\\s+"))
                    .map(w -> w.replaceAll("[.:]$", ""))
                    .filter(w -> !w.isEmpty())
                    .toList();
            if (!words.isEmpty()) out.add(words);
        }
        return out;
    }

    /** What is wrong with {@code avatarkit <args>} against {@code root}, if anything. */
    static Optional<String> problem(CommandLine root, List<String> args) {
        CommandLine command = root;
        int i = 0;
        for (; i < args.size() && !command.getSubcommands().isEmpty(); i++) {
            String arg = args.get(i);
            if (FLAG.matcher(arg).matches()) {
                if (!hasOption(command, arg)) return Optional.of(name(command) + " has no option " + arg);
                continue;
            }
            if (!WORD.matcher(arg).matches()) break;
            CommandLine next = command.getSubcommands().get(arg);
            if (next == null) return Optional.of(name(command) + " has no subcommand '" + arg + "'");
            command = next;
        }
        for (; i < args.size(); i++) {
            String flag = args.get(i).split("=", 2)[0];
            if (FLAG.matcher(flag).matches() && !hasOption(command, flag))
                return Optional.of(name(command) + " has no option " + flag);
        }
        return Optional.empty();
    }

    private static boolean hasOption(CommandLine command, String name) {
        return command.getCommandSpec().findOption(name) != null;
    }

    private static String name(CommandLine command) {
        return command.getCommandSpec().qualifiedName(" ");
    }
}
