package dev.avatarkit.cli;

import static org.assertj.core.api.Assertions.assertThat;

import dev.avatarkit.cli.app.ExitCodes;
import dev.avatarkit.core.port.InsufficientCreditException;
import dev.avatarkit.core.port.ProviderException;
import dev.avatarkit.core.port.ProviderUnavailableException;
import dev.avatarkit.core.port.RateLimitedException;
import dev.avatarkit.core.port.UnauthorizedException;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Objects;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.DynamicTest;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestFactory;
import org.junit.jupiter.api.io.TempDir;
import picocli.CommandLine;

/** Error hints and messages point only at things that exist: each command a hint names runs (exit 0), each flag is real. */
class ErrorHintsTest {
    private static final Pattern HINT = Pattern.compile("^ {2}hint: (.*)$", Pattern.MULTILINE);
    private static final Pattern STRING_LITERAL = Pattern.compile("\"((?:[^\"\\\\\\n]|\\\\.)*)\"");

    @TempDir
    Path dir;

    CliHarness cli;

    @BeforeEach
    void setUp() {
        cli = new CliHarness(dir);
    }

    @TestFactory
    Stream<DynamicTest> givenAnyCommand_whenAUsageError_thenTheCommandItsHintNamesExitsZero() {
        return CommandTree.all(cli.commandTree()).stream().map(command -> {
            // help ignores unknown options (picocli skips validation when help is asked for); its usage error is an
            // unknown command name, and the hint then points at the usage that lists the real ones: the root's
            boolean help = command.getCommandSpec().helpCommand();
            String[] args = CommandTree.args(command, help ? "no-such-command" : "--no-such-option");
            String usage =
                    "Usage: " + (help ? "avatarkit" : command.getCommandSpec().qualifiedName(" ")) + " [";
            return DynamicTest.dynamicTest(String.join(" ", args), () -> {
                CliHarness.Result error = cli.run(args);
                assertThat(error.code()).isEqualTo(ExitCodes.USAGE);

                List<List<String>> named = CommandMentions.in(hint(error));
                assertThat(named).as(hint(error)).hasSize(1);
                CliHarness.Result followed = cli.run(named.get(0).toArray(String[]::new));

                assertThat(followed.code()).as(followed.all()).isZero();
                assertThat(followed.out()).startsWith(usage);
            });
        });
    }

    @Test
    void givenNoApiKey_whenTheHintIsFollowed_thenTheCommandRuns() {
        CliHarness.Result error = cli.run("account");
        assertThat(error.code()).isEqualTo(ExitCodes.AUTH);
        assertThat(hint(error)).contains("or add --sandbox");
        assertFlagsExist(hint(error));

        assertThat(cli.run("--sandbox", "account").code()).isZero();
    }

    @Test
    void givenAProviderFailure_thenItsHintNamesOnlyCommandsThatRunAndFlagsThatExist() {
        List<String> hints = Stream.of(
                        new UnauthorizedException("bad key", 401, "unauthorized", "r1", null),
                        new RateLimitedException("slow down", Duration.ofSeconds(1), 429, "rate_limited", "r2", null),
                        new ProviderUnavailableException("down", 503, "unavailable", "r3", null),
                        new InsufficientCreditException("no credit", 402, "insufficient_credit", "r4", null),
                        new ProviderException("odd", 418, "teapot", "r5", null),
                        new IllegalStateException("bug"))
                .map(e -> ExitCodes.of(e).hint())
                .filter(Objects::nonNull)
                .toList();
        assertThat(hints).anySatisfy(h -> assertThat(CommandMentions.in(h)).isNotEmpty());

        for (String hint : hints) {
            assertFlagsExist(hint);
            for (List<String> command : CommandMentions.in(hint)) {
                CliHarness.Result r = cli.sandbox(command.toArray(String[]::new));
                assertThat(r.code()).as(hint + "\n" + r.all()).isZero();
            }
        }
    }

    @Test
    void givenAnyAvatarkitCommandTheCliPrintsOrDescribes_thenItExistsWithTheOptionsItIsGiven() throws IOException {
        CommandLine root = cli.commandTree();
        List<String> problems = new ArrayList<>();
        int mentions = 0;
        for (String literal : stringLiterals(Path.of("src/main/java"))) {
            for (List<String> args : CommandMentions.in(literal)) {
                mentions++;
                CommandMentions.problem(root, args).ifPresent(p -> problems.add(p + " in \"" + literal + "\""));
            }
        }

        assertThat(mentions).as("mentions found (the scan works)").isGreaterThan(10);
        assertThat(problems).isEmpty();
    }

    @Test
    void givenAMentionOfACommandThatDoesNotExist_thenItIsReported() {
        CommandLine root = cli.commandTree();

        assertThat(CommandMentions.problem(
                        root, CommandMentions.in("then: avatarkit jobs rerun").get(0)))
                .isPresent();
        assertThat(CommandMentions.problem(
                        root,
                        CommandMentions.in("avatarkit jobs list --bacth B").get(0)))
                .isPresent();
        assertThat(CommandMentions.problem(
                        root,
                        CommandMentions.in("avatarkit jobs list --batch B").get(0)))
                .isEmpty();
    }

    private void assertFlagsExist(String hint) {
        Matcher flag = Pattern.compile("(?<![\\w/-])(--?[a-z][a-z-]*)").matcher(hint);
        CommandLine root = cli.commandTree();
        while (flag.find())
            assertThat(root.getCommandSpec().findOption(flag.group(1)))
                    .as(flag.group(1) + " in: " + hint)
                    .isNotNull();
    }

    private static String hint(CliHarness.Result r) {
        Matcher m = HINT.matcher(r.err());
        assertThat(m.find()).as("a hint in:\n" + r.err()).isTrue();
        return m.group(1);
    }

    private static List<String> stringLiterals(Path sources) throws IOException {
        List<String> out = new ArrayList<>();
        try (Stream<Path> files = Files.walk(sources)) {
            for (Path file : files.filter(f -> f.toString().endsWith(".java")).toList()) {
                Matcher literal = STRING_LITERAL.matcher(Files.readString(file));
                while (literal.find()) out.add(literal.group(1));
            }
        }
        return out;
    }
}
