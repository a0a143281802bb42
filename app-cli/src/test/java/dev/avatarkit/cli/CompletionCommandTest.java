package dev.avatarkit.cli;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import picocli.CommandLine;

/** {@code completion bash|zsh}: a script bash accepts, that completes our real command names when sourced. */
class CompletionCommandTest {
    @TempDir
    Path dir;

    @Test
    void whenBash_thenTheScriptParsesAndNamesEveryTopLevelCommand() throws Exception {
        CliHarness cli = new CliHarness(dir);
        CliHarness.Result r = cli.run("completion", "bash");
        Path script = Files.writeString(dir.resolve("avatarkit.bash"), r.out());

        assertThat(r.code()).as(r.err()).isZero();
        Shell syntax = bash("bash -n " + script);
        assertThat(syntax.exit()).as("bash -n: " + syntax.errors()).isZero();
        CommandLine tree = cli.commandTree();
        assertThat(r.out())
                .contains(tree.getSubcommands().keySet().stream()
                        .map(name -> " " + name)
                        .toArray(String[]::new));
    }

    @Test
    void givenTheBashScriptSourced_whenCompletingAPrefix_thenItOffersTheMatchingCommands() throws Exception {
        Path script = Files.writeString(
                dir.resolve("avatarkit.bash"),
                new CliHarness(dir).run("completion", "bash").out());

        assertThat(complete(script, "avatarkit do")).isEqualTo("doctor");
        assertThat(complete(script, "avatarkit con")).isEqualTo("config");
        assertThat(complete(script, "avatarkit config s")).isEqualTo("show");
        assertThat(complete(script, "avatarkit completion ")).isEqualTo("bash zsh");
    }

    @Test
    void whenZsh_thenTheSameScriptWhichLoadsBashcompinitUnderZsh() {
        CliHarness cli = new CliHarness(dir);
        CliHarness.Result zsh = cli.run("completion", "zsh");

        assertThat(zsh.code()).isZero();
        assertThat(zsh.out()).contains("bashcompinit", "complete -F _complete_avatarkit");
        assertThat(zsh.out().lines().skip(1).toList())
                .isEqualTo(cli.run("completion", "bash").out().lines().skip(1).toList());
    }

    @Test
    void givenAnUnknownShell_thenUsageErrorListingTheShells() {
        CliHarness.Result r = new CliHarness(dir).run("completion", "fish");

        assertThat(r.code()).isEqualTo(2);
        assertThat(r.err()).contains("bash", "zsh");
    }

    /** Sources the script in a fresh bash, completes {@code line} as TAB at its end would, and returns the candidates. */
    private String complete(Path script, String line) throws Exception {
        String words = line.endsWith(" ") ? line + "''" : line;
        Shell shell = bash(
                "source " + script + "; COMP_LINE='" + line + "'; COMP_POINT=${#COMP_LINE}; COMP_WORDS=(" + words
                        + "); COMP_CWORD=$(( ${#COMP_WORDS[@]} - 1 )); _complete_avatarkit && echo -n \"${COMPREPLY[*]}\"");
        // stderr may say "compopt: not currently executing completion function": we call the function, not readline
        assertThat(shell.exit()).as(shell.errors()).isZero();
        return shell.output();
    }

    record Shell(int exit, String output, String errors) {}

    private static Shell bash(String command) throws IOException, InterruptedException {
        Path errors = Files.createTempFile("bash", ".err");
        Process process = new ProcessBuilder(List.of("bash", "-c", command))
                .redirectError(errors.toFile())
                .start();
        String output = new String(process.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
        assertThat(process.waitFor(30, TimeUnit.SECONDS)).isTrue();
        String stderr = Files.readString(errors);
        Files.delete(errors);
        return new Shell(process.exitValue(), output, stderr);
    }
}
