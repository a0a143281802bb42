package dev.avatarkit.examples;

import static org.assertj.core.api.Assertions.assertThat;

import dev.avatarkit.sim.HeyGenSimulator;
import java.io.File;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * What an embedder sees on the console when the README's snippet runs as a program of its own, with no logging
 * backend: the three lines it prints, and nothing else — no {@code SLF4J(W): No SLF4J providers} warning, no Flyway
 * INFO chatter. A fresh JVM, because slf4j reports once per process, when its first logger is made.
 */
class EmbedderConsoleIT {
    @Test
    void givenNoLoggingBackend_whenTheSnippetRuns_thenTheConsoleHoldsOnlyWhatItPrints(@TempDir Path dir)
            throws Exception {
        try (HeyGenSimulator sim = RenderOneVideoTest.simulator()) {
            Path out = dir.resolve("stdout.txt");
            Path err = dir.resolve("stderr.txt");
            ProcessBuilder program = new ProcessBuilder(List.of(
                            Path.of(System.getProperty("java.home"), "bin", "java")
                                    .toString(),
                            "-cp",
                            System.getProperty("java.class.path"),
                            RenderOneVideo.class.getName()))
                    .directory(dir.toFile())
                    .redirectOutput(out.toFile())
                    .redirectError(err.toFile());
            program.environment().put("HEYGEN_API_KEY", "example-key");
            program.environment().put("HEYGEN_BASE_URL", sim.baseUrl());
            Process process = program.start();

            assertThat(process.waitFor(90, TimeUnit.SECONDS))
                    .as("the program ends")
                    .isTrue();
            String stderr = Files.readString(err, StandardCharsets.UTF_8);
            assertThat(process.exitValue()).as("exit code; stderr: %s", stderr).isZero();
            assertThat(stderr).as("the console's stderr").isEmpty();
            assertThat(Files.readAllLines(out))
                    .hasSize(3)
                    .allMatch(line -> line.matches("(VIDEO|CAPTIONS|THUMBNAIL) file:.*" + File.separator
                            + ".* \\d+ bytes sha256 [0-9a-f]{64}"));
        }
    }
}
