package dev.avatarkit.cli.command;

import com.google.inject.Inject;
import dev.avatarkit.cli.app.CliVersion;
import dev.avatarkit.cli.app.GlobalOptions;
import java.nio.file.Path;
import java.util.List;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;
import picocli.CommandLine.ScopeType;

/**
 * {@code avatarkit [--sandbox] [--json] [--config F] [-q|-v] <command>}. Its {@code scope = INHERIT} hands
 * {@code -h/--help}, {@code -V/--version} and the exit-code footer to every subcommand, at any depth, so a new
 * command answers {@code --help} without remembering to ask for it.
 */
@Command(
        name = "avatarkit",
        scope = ScopeType.INHERIT,
        mixinStandardHelpOptions = true,
        versionProvider = CliVersion.class,
        description = "AI avatar videos at scale, in front of HeyGen, D-ID and other providers.",
        footer = {"", RootCommand.EXIT_CODES})
public final class RootCommand {
    /**
     * The top-level commands, in usage order. Added in code, not through {@code @Command(subcommands)}, so that a run
     * can build only the branch it uses (see {@code CommandBranches}): picocli's reflection over the whole tree was
     * ~0.2 s of a 0.5 s {@code jobs list}.
     */
    public static final List<Class<?>> COMMANDS = List.of(
            VideoCommand.class,
            TemplateCommand.class,
            AvatarCommand.class,
            AvatarsCommand.class,
            VoicesCommand.class,
            AccountCommand.class,
            ProvidersCommand.class,
            JobsCommand.class,
            AssetsCommand.class,
            ConfigCommand.class,
            DoctorCommand.class,
            CompletionCommand.class,
            HelpCommand.class);

    /** Commands that read the whole tree (any command's usage, the completion script): they always get all of it. */
    public static final List<Class<?>> NEED_THE_WHOLE_TREE = List.of(CompletionCommand.class, HelpCommand.class);

    /** The footer of every usage text; commands with their own footer (an example) end with it too. */
    static final String EXIT_CODES = "Exit codes: 0 ok · 1 job failed/rejected · 2 usage/validation · 3 auth ·%n"
            + "            4 --wait timed out · 5 provider unavailable"; // %n: two lines, not a wrap mid-phrase

    private final GlobalOptions global;

    @Inject
    RootCommand(GlobalOptions global) {
        this.global = global;
    }

    // Setters only ever switch a flag on: picocli re-applies defaults of inherited options per subcommand.
    @Option(
            names = "--sandbox",
            scope = ScopeType.INHERIT,
            description =
                    "Run against an in-process simulator of the provider (no key, no network). Also AVATARKIT_SANDBOX=1.")
    void sandbox(boolean on) {
        if (on) global.enableSandbox();
    }

    @Option(
            names = "--provider",
            scope = ScopeType.INHERIT,
            paramLabel = "NAME",
            description =
                    "The provider new jobs go to (see `providers list`). Also AVATARKIT_PROVIDER. Jobs already made keep theirs.")
    void provider(String name) {
        if (name != null && !name.isBlank())
            global.setFlag("AVATARKIT_PROVIDER", name.trim().toLowerCase());
    }

    @Option(
            names = "--json",
            scope = ScopeType.INHERIT,
            description = "Print one JSON document (errors on stderr as {\"error\":{…}}).")
    void json(boolean on) {
        if (on) global.enableJson();
    }

    @Option(
            names = "--config",
            scope = ScopeType.INHERIT,
            paramLabel = "FILE",
            description = "Config file (default $AVATARKIT_HOME/config.properties).")
    void config(Path file) {
        if (file != null) global.configFile(file);
    }

    @Option(
            names = {"-q", "--quiet"},
            scope = ScopeType.INHERIT,
            description = "Only results and errors.")
    void quiet(boolean on) {
        if (on) global.enableQuiet();
    }

    @Option(
            names = {"-v", "--verbose"},
            scope = ScopeType.INHERIT,
            description = "More logging (-vv for debug); secrets are never logged.")
    void verbose(boolean[] on) {
        if (on != null && on.length > 0) global.verbosity(on.length);
    }
}
