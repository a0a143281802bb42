package dev.avatarkit.cli;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Issue 16 #5: a config file's content is never echoed unless it is a key name of ours. */
class ConfigFileSecretsTest {
    private static final String KEY = "hk_live_FAKE0TEST0FIXTURE0NOT0A0KEY";

    @TempDir
    Path dir;

    CliHarness cli;

    @BeforeEach
    void setUp() {
        cli = new CliHarness(dir);
    }

    @Test
    void givenTheKeyPastedOnItsOwnLine_whenAnyCommand_thenExit2NamingTheLineButNotTheKey() throws Exception {
        Path config = Files.writeString(dir.resolve("config.properties"), "HEYGEN_API_KEY=\n" + KEY + "\n");

        CliHarness.Result text = cli.run("--config", config.toString(), "jobs", "list");
        CliHarness.Result json = cli.run("--json", "--config", config.toString(), "jobs", "list");

        assertThat(text.code()).isEqualTo(2);
        assertThat(text.err()).contains("line(s) [2]", "KEY=value");
        assertThat(json.code()).isEqualTo(2);
        assertThat(text.all() + json.all()).doesNotContain(KEY).doesNotContain("hk_live");
    }

    @Test
    void givenAFileThatIsNotAConfig_whenAnyCommand_thenNoneOfItsLinesArePrinted() throws Exception {
        Path passwd = Files.writeString(
                dir.resolve("passwd"),
                "root:x:0:0:root:/root:/bin/bash\ndaemon:x:1:1:daemon:/usr/sbin:/usr/sbin/nologin\n");

        CliHarness.Result r = cli.run("--config", passwd.toString(), "jobs", "list");

        assertThat(r.code()).isEqualTo(2);
        assertThat(r.all()).doesNotContain("root").doesNotContain("daemon").doesNotContain("/bin/bash");
        assertThat(r.err()).contains("line(s) [1, 2]");
    }

    @Test
    void givenATypoInAKeyName_whenAnyCommand_thenTheKeyIsNamed() throws Exception {
        Path config = Files.writeString(dir.resolve("config.properties"), "HEYGEN_API_KYE=" + KEY + "\n");

        CliHarness.Result r = cli.run("--config", config.toString(), "jobs", "list");

        assertThat(r.code()).isEqualTo(2);
        assertThat(r.err()).contains("HEYGEN_API_KYE").doesNotContain(KEY);
    }
}
