package dev.avatarkit.cli;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The provider's dialect refuses what it can never render before a job exists, in the CLI as in the server. */
class VideoPreflightTest {
    @TempDir
    Path dir;

    @Test
    void givenAVideoBackgroundOnV3_whenVideoCreate_thenExit2NamingTheFieldAndNothingIsStored() throws Exception {
        CliHarness cli = new CliHarness(dir);

        CliHarness.Result r = cli.sandbox(
                "video",
                "create",
                "--avatar",
                "Daisy-inskirt-20220818",
                "--voice",
                "2d5b0e6cf36f460aa7fc47e3eee4ba54",
                "--text",
                "Hello",
                "--background",
                "video:https://assets.example.com/loop.mp4");

        assertThat(r.code()).as(r.all()).isEqualTo(2);
        assertThat(r.err()).containsIgnoringCase("background");
        assertThat(cli.sandbox("jobs", "list").out()).contains("no jobs");
    }
}
