package dev.avatarkit.cli;

import static org.assertj.core.api.Assertions.assertThat;

import com.google.inject.AbstractModule;
import com.google.inject.Provides;
import dev.avatarkit.runtime.ConfigReport;
import dev.avatarkit.runtime.Workers;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.function.BiFunction;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;
import java.util.stream.StreamSupport;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.DynamicTest;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestFactory;
import org.junit.jupiter.api.io.TempDir;
import picocli.CommandLine;
import picocli.CommandLine.Model.ArgSpec;
import picocli.CommandLine.Model.OptionSpec;

/**
 * Walks the whole command tree, so that a new command (or option) cannot ship without help: every command answers
 * {@code -h}, {@code --help} and {@code help PATH} with its usage and exit 0, before any validation and without
 * building the platform (no database file, no simulator).
 */
class CommandTreeHelpTest {
    @TempDir
    Path dir;

    CliHarness cli;

    @BeforeEach
    void setUp() {
        cli = new CliHarness(dir);
        cli.overrides = new AbstractModule() {
            @Provides
            ConfigReport config() { // help must never get this far
                throw new AssertionError("help loaded the configuration");
            }

            @Provides
            Workers workers() {
                throw new AssertionError("help started workers");
            }
        };
    }

    @TestFactory
    Stream<DynamicTest> givenAnyCommand_whenHelpFlag_thenExit0UsageOnStdoutAndNothingCreated() {
        return commands().stream()
                .flatMap(command -> Stream.of(
                                CommandTree.args(command, "-h"),
                                CommandTree.args(command, "--help"),
                                sandbox(CommandTree.args(command, "--help")))
                        .map(args -> DynamicTest.dynamicTest(String.join(" ", args), () -> {
                            CliHarness.Result r = cli.run(args);

                            assertThat(r.code()).as(r.all()).isZero();
                            assertThat(r.err()).isEmpty();
                            assertThat(r.out())
                                    .startsWith(
                                            "Usage: " + command.getCommandSpec().qualifiedName(" ") + " [");
                            assertThat(dir.resolve("home")).as("AVATARKIT_HOME").doesNotExist();
                            assertThat(dir.resolve("avatarkit-assets"))
                                    .as("AVATARKIT_STORAGE_DIR")
                                    .doesNotExist();
                        })));
    }

    @TestFactory
    Stream<DynamicTest> givenAnyCommandPath_whenHelpCommand_thenTheSameUsageAsDashDashHelp() {
        return commands().stream()
                .map(command -> DynamicTest.dynamicTest("help " + String.join(" ", CommandTree.path(command)), () -> {
                    List<String> args = new ArrayList<>(List.of("help"));
                    args.addAll(CommandTree.path(command));

                    CliHarness.Result r = cli.run(args.toArray(String[]::new));

                    assertThat(r.code()).as(r.all()).isZero();
                    assertThat(r.out())
                            .isEqualTo(
                                    cli.run(CommandTree.args(command, "--help")).out());
                }));
    }

    @Test
    void givenEveryCommand_thenItHasADescriptionAndSoHasEachOfItsOptionsAndParameters() {
        List<String> undescribed = new ArrayList<>(commands().stream()
                .filter(c -> String.join("", c.getCommandSpec().usageMessage().description())
                        .isBlank())
                .map(c -> c.getCommandSpec().qualifiedName(" "))
                .toList());
        undescribed.addAll(argsWhere((arg, description) -> description.isBlank() ? Stream.of("") : Stream.empty()));

        assertThat(undescribed)
                .as("commands, options and parameters without a description")
                .isEmpty();
    }

    @Test
    void givenAnOptionWithADefault_thenItsDescriptionShowsTheDefault() {
        List<String> silent =
                argsWhere((arg, description) -> arg.defaultValue() != null && !description.contains(arg.defaultValue())
                        ? Stream.of("default " + arg.defaultValue())
                        : Stream.empty());

        assertThat(silent)
                .as("options whose default the usage does not show (add ${DEFAULT-VALUE})")
                .isEmpty();
    }

    @Test
    void givenAnOptionWithAFixedSetOfValues_thenItsDescriptionListsThemAll() {
        List<String> silent = argsWhere((arg, description) -> arg.completionCandidates() == null
                ? Stream.empty()
                : StreamSupport.stream(arg.completionCandidates().spliterator(), false)
                        .filter(value -> !description.contains(value)));

        assertThat(silent)
                .as("allowed values the usage does not list (add ${COMPLETION-CANDIDATES})")
                .isEmpty();
    }

    @Test
    void givenRequiredOptionsAndParametersMissing_whenHelp_thenUsageInsteadOfAnError() {
        CliHarness.Result r = cli.run("template", "batch", "--help");

        assertThat(r.code()).isZero();
        assertThat(r.out()).contains("--csv=FILE");
        assertThat(r.err()).isEmpty();
    }

    @Test
    void givenAPathThatDoesNotExist_whenHelpCommand_thenExit2NamingTheCommandsThatDo() {
        CliHarness.Result r = cli.run("help", "video", "make");

        assertThat(r.code()).isEqualTo(2);
        assertThat(r.out()).isEmpty();
        assertThat(r.err())
                .contains("'make'", "create, status, wait, download, list", "hint: see: avatarkit video --help");
    }

    @Test
    void whenVersion_thenTheMavenProjectVersion_onTheRootAndOnSubcommands() throws Exception {
        // the first line is the version Maven built (runtime's AvatarkitVersion); the second, the Java running it
        String expected = "avatarkit " + projectVersion() + System.lineSeparator();

        assertThat(cli.run("--version").out())
                .startsWith(expected)
                .contains("Java " + System.getProperty("java.version"));
        assertThat(cli.run("video", "create", "-V").out())
                .isEqualTo(cli.run("--version").out());
        assertThat(cli.run("--version").code()).isZero();
    }

    private List<CommandLine> commands() {
        return CommandTree.all(cli.commandTree());
    }

    private static String[] sandbox(String[] args) {
        return Stream.concat(Stream.of("--sandbox"), Stream.of(args)).toArray(String[]::new);
    }

    /** What {@code check} finds wrong with each option and parameter (given its rendered description), by name. */
    private List<String> argsWhere(BiFunction<ArgSpec, String, Stream<String>> check) {
        return commands().stream()
                .flatMap(c -> c.getCommandSpec().args().stream()
                        .flatMap(arg -> check.apply(arg, String.join(" ", arg.description()))
                                .map(problem ->
                                        c.getCommandSpec().qualifiedName(" ") + " " + label(arg) + " " + problem)))
                .toList();
    }

    private static String label(ArgSpec arg) {
        return arg instanceof OptionSpec o ? o.longestName() : arg.paramLabel();
    }

    /** The version this module is built as: its parent's, the first {@code <version>} in app-cli's pom. */
    private static String projectVersion() throws Exception {
        Matcher version = Pattern.compile("<version>([^<]+)</version>").matcher(Files.readString(Path.of("pom.xml")));
        assertThat(version.find()).as("a <version> in app-cli/pom.xml").isTrue();
        return version.group(1);
    }
}
