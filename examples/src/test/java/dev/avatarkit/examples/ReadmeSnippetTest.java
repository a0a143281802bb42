package dev.avatarkit.examples;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.Test;

/**
 * The README's "Use as a library" snippet is the code {@link RenderOneVideoTest} runs, line for line: the test runs
 * {@link RenderOneVideo}, and this checks that the README shows exactly its marked region (dedented), so neither can
 * change without the other.
 */
class ReadmeSnippetTest {
    private static final Path MODULE = Path.of("").toAbsolutePath();
    private static final Pattern README_BLOCK =
            Pattern.compile("## Use as a library.*?```java\\n(.*?)```", Pattern.DOTALL);

    @Test
    void theReadmeSnippetIsTheExampleThatRuns() throws IOException {
        String readme = Files.readString(MODULE.resolveSibling("README.md"));
        Matcher block = README_BLOCK.matcher(readme);
        assertThat(block.find())
                .as("a ```java block under '## Use as a library' in README.md")
                .isTrue();

        assertThat(block.group(1).strip()).isEqualTo(exampleSnippet());
    }

    private static String exampleSnippet() throws IOException {
        List<String> lines =
                Files.readAllLines(MODULE.resolve("src/main/java/dev/avatarkit/examples/RenderOneVideo.java"));
        int start = indexOf(lines, "// --- snippet: README") + 1;
        int end = indexOf(lines, "// --- end of snippet ---");
        List<String> region = lines.subList(start, end);
        int indent = region.stream()
                .filter(line -> !line.isBlank())
                .mapToInt(line -> line.length() - line.stripLeading().length())
                .min()
                .orElse(0);
        return String.join(
                        "\n",
                        region.stream()
                                .map(line -> line.isBlank() ? "" : line.substring(indent))
                                .toList())
                .strip();
    }

    private static int indexOf(List<String> lines, String marker) {
        for (int i = 0; i < lines.size(); i++) if (lines.get(i).contains(marker)) return i;
        throw new AssertionError("RenderOneVideo.java has no line '" + marker + "'");
    }
}
