package dev.avatarkit.cli;

import static org.assertj.core.api.Assertions.assertThat;

import dev.avatarkit.sim.HeyGenSimulator;
import java.nio.file.Path;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The API key never appears in stdout, stderr or logs — with -vv, with --json, on auth errors, on job failures. */
class SecretLeakTest {
    static final String KEY = "sk_live_SECRET123";

    @TempDir
    Path dir;

    CliHarness cli;
    HeyGenSimulator simulator;

    @BeforeEach
    void setUp() {
        simulator = HeyGenSimulator.builder()
                .port(0)
                .apiKey("a-different-key")
                .build()
                .start();
        cli = new CliHarness(dir);
        cli.env.put("HEYGEN_API_KEY", KEY);
        cli.env.put("HEYGEN_BASE_URL", simulator.baseUrl());
        cli.env.put("HEYGEN_UPLOAD_URL", simulator.baseUrl());
    }

    @AfterEach
    void tearDown() {
        simulator.close();
    }

    @Test
    void givenRejectedKey_whenVerboseCatalogueCall_thenExit3AndKeyNowhere() {
        CliHarness.Result r = cli.run("-vv", "avatars", "list");

        assertThat(r.code()).as(r.all()).isEqualTo(3);
        assertThat(r.all()).doesNotContain(KEY).doesNotContain("SECRET123");
    }

    @Test
    void givenRejectedKey_whenJsonError_thenKeyNowhere() {
        CliHarness.Result r = cli.run("--json", "-vv", "account");

        assertThat(r.code()).isEqualTo(3);
        assertThat(r.err()).contains("\"code\": \"unauthorized\"");
        assertThat(r.all()).doesNotContain("SECRET123");
    }

    @Test
    void givenRejectedKey_whenCreateAndWait_thenJobFailsAndKeyNowhere() {
        CliHarness.Result r = cli.run(
                "-vv",
                "video",
                "create",
                "--avatar",
                CliHarness.AVATAR,
                "--voice",
                CliHarness.VOICE,
                "--text",
                "Hello",
                "--wait",
                "--timeout",
                "30s");

        assertThat(r.code())
                .as("a refused key is exit 3, even when found by a job: " + r.all())
                .isEqualTo(3);
        assertThat(r.all()).doesNotContain("SECRET123");
    }

    @Test
    void givenKeyInConfigFile_whenVerboseReadOnlyCommand_thenKeyNowhere() throws Exception {
        cli.env.remove("HEYGEN_API_KEY");
        java.nio.file.Files.writeString(dir.resolve("ak.properties"), "HEYGEN_API_KEY=" + KEY + "\n");

        CliHarness.Result r = cli.run("-vv", "--config", "ak.properties", "jobs", "list");

        assertThat(r.code()).as(r.all()).isZero();
        assertThat(r.all()).doesNotContain("SECRET123");
    }
}
