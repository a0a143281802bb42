package dev.avatarkit.cli;

import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Runs the shaded jar under a pseudo-TTY ({@code script -qfc … /dev/null}, util-linux) so that
 * {@code System.console()} exists: the batch progress must be a bar redrawn in place, not a stream of lines.
 */
class ProgressTtyIT {
    static final Path JAR = Path.of("target/avatarkit.jar").toAbsolutePath();

    @TempDir
    Path dir;

    @Test
    void givenTty_whenBatchWaits_thenProgressIsABarRedrawnInPlace() throws Exception {
        if (!Files.isRegularFile(JAR) || !Files.isExecutable(Path.of("/usr/bin/script"))) {
            System.out.println(
                    "SKIPPED ProgressTtyIT: needs " + JAR + " (mvn -pl app-cli package) and util-linux script");
            assumeTrue(false, "jar or script missing");
        }
        Files.writeString(dir.resolve("rows.csv"), "name,title\nAnn,one\nBob,two\nCy,three\n");
        String command =
                "java -jar " + JAR + " --sandbox template batch tpl_welcome_name --csv rows.csv --wait --timeout 120s";
        ProcessBuilder builder = new ProcessBuilder(List.of("script", "-qfc", command, "/dev/null"))
                .directory(dir.toFile())
                .redirectErrorStream(true);
        builder.environment().put("AVATARKIT_HOME", dir.resolve("home").toString());
        builder.environment().put("AVATARKIT_STORAGE_DIR", dir.resolve("assets").toString());
        builder.environment().remove("HEYGEN_API_KEY");
        Process process = builder.start();
        process.getOutputStream().close();
        boolean finished = process.waitFor(180, TimeUnit.SECONDS);
        String output = new String(process.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
        if (!finished) process.destroyForcibly();

        assertThat(finished).as(output).isTrue();
        assertThat(process.exitValue()).as(output).isZero();
        assertThat(output).contains("\r\033[2K[", "3/3 finished", "3 SUCCEEDED");
    }
}
