package dev.avatarkit.cli.command;

import java.util.concurrent.Callable;
import picocli.AutoComplete;
import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.Spec;

/**
 * {@code avatarkit completion bash|zsh}: picocli's generated completion script for the whole command tree. zsh gets
 * the same script: it detects zsh and loads zsh's {@code bashcompinit} itself, so one script serves both shells.
 */
@Command(
        name = "completion",
        description = "Print a shell completion script (bash; zsh through its bashcompinit).",
        footer = {
            "",
            "Load it in the current shell, or add the line to ~/.bashrc (~/.zshrc after compinit for zsh):",
            "  source <(avatarkit completion bash)",
            "  source <(avatarkit completion zsh)",
            "",
            RootCommand.EXIT_CODES
        })
public final class CompletionCommand implements Callable<Integer> {
    /** The shells the script works in. */
    enum Shell {
        bash,
        zsh
    }

    @Parameters(paramLabel = "SHELL", description = "The shell: ${COMPLETION-CANDIDATES}.")
    Shell shell;

    @Spec
    CommandSpec spec;

    @Override
    public Integer call() {
        String name = spec.root().name();
        String header = shell == Shell.zsh
                ? "# " + name
                        + " completion for zsh: the bash script below, run through zsh's bashcompinit (it loads it).\n"
                : "# " + name + " completion for bash.\n";
        // the script is the result even with --json: it is meant for `source`, not for a JSON reader
        spec.commandLine()
                .getOut()
                .print(header + AutoComplete.bash(name, spec.root().commandLine()));
        spec.commandLine().getOut().flush();
        return 0;
    }
}
