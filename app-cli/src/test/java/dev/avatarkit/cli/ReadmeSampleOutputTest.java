package dev.avatarkit.cli;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Runs the sandbox command the README documents, as written there, and checks that what it prints has the shape of
 * the README's sample: the same lines once ids, times, dates, paths and sizes are blanked, and progress lines that go
 * through the README's states in its order (the provider's status words, and whether a brief state is caught at all,
 * depend on timing, so they are not compared).
 */
class ReadmeSampleOutputTest {
    private static final Path README = Path.of("..", "README.md");
    private static final Pattern PROGRESS = Pattern.compile("^<T>  <ID>  ([A-Z_]+)(?: \\([a-z_]+\\))?$");

    @TempDir
    Path dir;

    @Test
    void givenTheReadmeSandboxCommand_whenRun_thenItsOutputHasTheShapeOfTheReadmeSample() throws IOException {
        Sample sample = Sample.read(README);
        CliHarness.Result r = new CliHarness(dir).run(sample.args().toArray(String[]::new));

        assertThat(r.code()).as(r.all()).isZero();
        List<String> printed = new ArrayList<>(lines(r.err()));
        printed.addAll(lines(r.out()));
        List<String> actual =
                printed.stream().map(ReadmeSampleOutputTest::shape).toList();
        List<String> expected =
                sample.output().stream().map(ReadmeSampleOutputTest::shape).toList();

        assertThat(withoutProgress(actual)).as(r.all()).containsExactlyElementsOf(withoutProgress(expected));
        // The follower samples the job, so a short state (a small download) may pass between two looks: the states
        // shown must be the README's, in its order, from its first to its last, never one the README does not show.
        List<String> readmeStates = states(expected);
        assertThat(states(actual))
                .as(r.all())
                .isSubsetOf(readmeStates)
                .containsSubsequence(readmeStates.get(0), readmeStates.get(readmeStates.size() - 1))
                .isSortedAccordingTo(java.util.Comparator.comparing(readmeStates::indexOf));
        assertThat(progress(actual))
                .as("one line per change, none repeated: " + r.all())
                .doesNotHaveDuplicates();
    }

    /** Blanks what differs from run to run. */
    static String shape(String line) {
        return line.replaceAll("\\b[0-9A-HJKMNP-TV-Z]{26}\\b", "<ID>")
                .replaceAll("\\b[0-9a-f]{32}\\b", "<PROVIDER-ID>")
                .replaceAll("\\b\\d{4}-\\d{2}-\\d{2}\\b", "<DATE>")
                .replaceAll("\\b\\d{2}:\\d{2}:\\d{2}\\b", "<T>")
                .replaceAll("file://\\S*/avatarkit-assets/", "file://<DIR>/avatarkit-assets/")
                .replaceAll("\\(\\d+ bytes\\)", "(<N> bytes)");
    }

    private static List<String> withoutProgress(List<String> shaped) {
        return shaped.stream().filter(l -> !PROGRESS.matcher(l).matches()).toList();
    }

    private static List<String> progress(List<String> shaped) {
        return shaped.stream().filter(l -> PROGRESS.matcher(l).matches()).toList();
    }

    /** The states the progress lines go through, each run of one state counted once. */
    private static List<String> states(List<String> shaped) {
        List<String> states = new ArrayList<>();
        for (String line : progress(shaped)) {
            Matcher m = PROGRESS.matcher(line);
            if (m.matches()
                    && (states.isEmpty() || !states.get(states.size() - 1).equals(m.group(1)))) {
                states.add(m.group(1));
            }
        }
        return states;
    }

    private static List<String> lines(String text) {
        return text.lines().filter(l -> !l.isBlank()).toList();
    }

    /** The README's first {@code $ bin/avatarkit --sandbox video create …} block: the command and what it printed. */
    record Sample(List<String> args, List<String> output) {
        static Sample read(Path readme) throws IOException {
            List<String> all = Files.readAllLines(readme);
            int start = -1;
            for (int i = 0; i < all.size(); i++) {
                if (all.get(i).startsWith("$ bin/avatarkit --sandbox video create")) {
                    start = i;
                    break;
                }
            }
            assertThat(start)
                    .as("README has a '$ bin/avatarkit --sandbox video create' sample")
                    .isNotNegative();
            StringBuilder command = new StringBuilder();
            int i = start;
            while (all.get(i).endsWith("\\")) {
                command.append(all.get(i), 0, all.get(i).length() - 1).append(' ');
                i++;
            }
            command.append(all.get(i));
            List<String> output = new ArrayList<>();
            for (i++; i < all.size() && !all.get(i).isBlank() && !all.get(i).startsWith("```"); i++) {
                output.add(all.get(i));
            }
            return new Sample(words(command.substring(2)), output);
        }

        /** Splits on spaces, keeping "double-quoted words" whole; drops {@code bin/avatarkit} itself. */
        private static List<String> words(String command) {
            List<String> words = new ArrayList<>();
            Matcher m = Pattern.compile("\"([^\"]*)\"|(\\S+)").matcher(command);
            while (m.find()) {
                words.add(m.group(1) != null ? m.group(1) : m.group(2));
            }
            return words.subList(1, words.size());
        }
    }
}
