package dev.avatarkit.cli;

import static dev.avatarkit.cli.CliHarness.AVATAR;
import static dev.avatarkit.cli.CliHarness.VOICE;
import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Path;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class ErrorsAndExitCodesTest {
    @TempDir
    Path dir;

    CliHarness cli;

    @BeforeEach
    void setUp() {
        cli = new CliHarness(dir);
    }

    @Test
    void givenNoKeyAndNoSandbox_whenProviderIsNeeded_thenExit3SayingHowToSetTheKey() {
        CliHarness.Result r = cli.run("avatars", "list");

        assertThat(r.code()).isEqualTo(3);
        assertThat(r.err()).contains("HEYGEN_API_KEY", "--sandbox");
    }

    @Test
    void givenNoKey_whenJsonOutput_thenErrorDocumentOnStderr() {
        CliHarness.Result r = cli.run("--json", "account");

        assertThat(r.code()).isEqualTo(3);
        assertThat(r.out()).isEmpty();
        assertThat(r.err()).contains("\"error\"", "\"code\": \"missing_api_key\"", "\"hint\"", "\"request_id\": null");
    }

    @Test
    void givenNoKey_whenReadOnlyCommand_thenItWorksWithoutOne() {
        CliHarness.Result r = cli.run("jobs", "list");

        assertThat(r.code()).as(r.all()).isZero();
        assertThat(r.out()).contains("no jobs");
    }

    @Test
    void givenTextWithoutVoice_whenCreate_thenExit2NamingTheField() {
        CliHarness.Result r = cli.sandbox("--json", "video", "create", "--avatar", AVATAR, "--text", "Hello");

        assertThat(r.code()).isEqualTo(2);
        assertThat(r.err()).contains("\"field\": \"voice\"", "--voice");
    }

    @Test
    void givenOddDimension_whenCreate_thenExit2NamingFieldAndLimit() {
        CliHarness.Result r = cli.sandbox(
                "video", "create", "--avatar", AVATAR, "--voice", VOICE, "--text", "Hi", "--dimension", "1921x1080");

        assertThat(r.code()).isEqualTo(2);
        assertThat(r.err()).contains("dimension.width", "even", "1921");
    }

    @Test
    void givenTooLongScript_whenCreate_thenExit2WithTheLimit() {
        CliHarness.Result r =
                cli.sandbox("video", "create", "--avatar", AVATAR, "--voice", VOICE, "--text", "x".repeat(5001));

        assertThat(r.code()).isEqualTo(2);
        assertThat(r.err()).contains("5000");
    }

    @Test
    void givenUnknownOptionOrMissingSubcommand_thenExit2WithUsageHint() {
        assertThat(cli.run("video", "create", "--bogus").code()).isEqualTo(2);
        CliHarness.Result r = cli.run("jobs");
        assertThat(r.code()).isEqualTo(2);
        assertThat(r.err()).contains("--help");
        assertThat(cli.run("jobs", "list", "--state", "NOPE").code()).isEqualTo(2);
    }

    @Test
    void givenUnknownJob_whenShow_thenExit2() {
        CliHarness.Result r = cli.run("jobs", "show", "01ARZ3NDEKTSV4RRFFQ69G5FAV");

        assertThat(r.code()).isEqualTo(2);
        assertThat(r.err()).contains("01ARZ3NDEKTSV4RRFFQ69G5FAV");
    }

    @Test
    void givenUnknownTemplateVariable_whenGenerate_thenExit2ListingTheVariables() {
        CliHarness.Result r = cli.sandbox("template", "generate", "tpl_welcome_name", "--var", "nmae=Ann");

        assertThat(r.code()).isEqualTo(2);
        assertThat(r.err()).contains("nmae", "[name]");
    }

    @Test
    void givenAvatarCreateWithoutPrompt_whenRun_thenUsageExit2NamingTheOption() {
        CliHarness.Result r = cli.run("avatar", "create", "--name", "Ava");

        assertThat(r.code()).isEqualTo(2);
        assertThat(r.err()).contains("--prompt");
    }

    @Test
    void givenHelp_thenExit0AndListsCommands() {
        CliHarness.Result r = cli.run("--help");

        assertThat(r.code()).isZero();
        assertThat(r.out()).contains("video", "template", "jobs", "assets", "account", "Exit codes");
    }
}
