package dev.avatarkit.cli;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import java.util.stream.Stream;
import org.junit.jupiter.api.DynamicTest;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestFactory;
import org.junit.jupiter.api.io.TempDir;
import picocli.CommandLine;

/** Each command that creates jobs shows one example in its usage, and every example runs as written in the sandbox. */
class UsageExamplesTest {
    /** The names creating commands have; a new one (say {@code voices create}) then needs an example too. */
    private static final Set<String> CREATING = Set.of("create", "generate", "batch");

    @TempDir
    Path dir;

    @Test
    void givenACommandThatCreatesJobs_thenItsUsageHasAnExample() {
        List<CommandLine> creating = CommandTree.leaves(new CliHarness(dir).commandTree()).stream()
                .filter(c -> CREATING.contains(c.getCommandName()))
                .toList();

        assertThat(creating)
                .extracting(c -> String.join(" ", CommandTree.path(c)))
                .contains("video create", "template generate", "template batch", "avatar create");
        assertThat(creating)
                .allSatisfy(c -> assertThat(examples(c))
                        .as(c.getCommandSpec().qualifiedName(" "))
                        .hasSize(1));
    }

    @TestFactory
    Stream<DynamicTest> givenAnExampleInAUsage_whenRunAsWritten_thenExit0() {
        return CommandTree.all(new CliHarness(dir).commandTree()).stream()
                .flatMap(c -> examples(c).stream())
                .map(example -> DynamicTest.dynamicTest(String.join(" ", example), () -> {
                    CliHarness cli = new CliHarness(Files.createTempDirectory(dir, "example"));
                    Files.writeString(
                            cli.dir.resolve("people.csv"), "name\nAnn\nBob\n"); // the files the batch examples name
                    Files.writeString(
                            cli.dir.resolve("videos.csv"),
                            "id,avatar_id,voice_id,script,title\n" + "v1," + CliHarness.AVATAR + "," + CliHarness.VOICE
                                    + ",Hello,First\n");

                    CliHarness.Result r =
                            cli.run(example.subList(1, example.size()).toArray(String[]::new));

                    assertThat(example).contains("--sandbox");
                    assertThat(r.code()).as(r.all()).isZero();
                }));
    }

    /** The {@code avatarkit …} lines of a command's footer, continuation lines ({@code \}) joined, as arguments. */
    static List<List<String>> examples(CommandLine command) {
        List<List<String>> out = new ArrayList<>();
        StringBuilder line = new StringBuilder();
        for (String footer : command.getCommandSpec().usageMessage().footer()) {
            String text = footer.strip();
            if (line.isEmpty() && !text.startsWith("avatarkit ")) continue;
            if (text.endsWith("\\")) {
                line.append(text, 0, text.length() - 1).append(' ');
                continue;
            }
            out.add(words(line.append(text).toString()));
            line.setLength(0);
        }
        return out;
    }

    /** Splits a shell line on spaces, keeping double-quoted text as one argument. */
    private static List<String> words(String line) {
        List<String> out = new ArrayList<>();
        StringBuilder word = new StringBuilder();
        boolean quoted = false;
        for (char c : line.toCharArray()) {
            if (c == '"') quoted = !quoted;
            else if (c == ' ' && !quoted) {
                if (!word.isEmpty()) out.add(word.toString());
                word.setLength(0);
            } else word.append(c);
        }
        if (!word.isEmpty()) out.add(word.toString());
        return out;
    }
}
