package dev.avatarkit.cli;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** {@code video batch --csv}: plain avatar videos with the template batch's checks, dry run and re-run safety. */
class VideoBatchTest {
    static final String HEADER = "id,avatar_id,voice_id,script,title\n";

    @TempDir
    Path dir;

    CliHarness cli;

    @BeforeEach
    void setUp() {
        cli = new CliHarness(dir);
    }

    @Test
    void givenBadRows_whenBatch_thenEveryBadLineIsReportedAndNothingSubmitted() throws Exception {
        Files.writeString(
                dir.resolve("videos.csv"),
                HEADER + row("a", "Hello", "ok") + "b," + CliHarness.AVATAR + ",,Hi,no voice\n" + "c,,v,Hi,no avatar\n"
                        + row("d", "Hi", "ok") + "e,x\n");

        CliHarness.Result r = cli.sandbox("video", "batch", "--csv", "videos.csv");

        assertThat(r.code()).as(r.all()).isEqualTo(2);
        assertThat(r.out())
                .contains(
                        "line 3: 'voice_id' is empty",
                        "line 4: give exactly one of [avatar_id]",
                        "line 6: has 2 fields")
                .doesNotContain("line 2:", "line 5:");
        assertThat(r.err()).contains("3 invalid row(s)", "nothing was submitted", "--skip-invalid");
        assertThat(cli.sandbox("jobs", "list").out()).contains("no jobs");
    }

    @Test
    void givenAnUnknownColumnOrNoScriptColumn_whenBatch_thenHeaderErrorsEvenWithSkipInvalid() throws Exception {
        Files.writeString(dir.resolve("videos.csv"), "avatar_id,voice_id,scirpt\n" + CliHarness.AVATAR + ",v,Hello\n");

        CliHarness.Result r = cli.sandbox("--json", "video", "batch", "--csv", "videos.csv", "--skip-invalid");

        assertThat(r.code()).isEqualTo(2);
        assertThat(r.out())
                .contains(
                        "\"line\": 1",
                        "unknown column 'scirpt'",
                        "missing column: one of [script, script_file, audio_url]");
        assertThat(cli.sandbox("jobs", "list").out()).contains("no jobs");
    }

    @Test
    void givenDryRun_thenPlanAndCreditsPrintedAndNothingSubmitted() throws Exception {
        Files.writeString(
                dir.resolve("videos.csv"), HEADER + row("a", "Hello there", "First") + row("b", "Bye", "Second"));

        CliHarness.Result r = cli.sandbox("video", "batch", "--csv", "videos.csv", "--dry-run");

        assertThat(r.code()).as(r.all()).isZero();
        assertThat(r.out())
                .contains("dry run", "plain videos", "2 video(s)", "credit", "First", "Hello there", CliHarness.AVATAR);
        assertThat(cli.sandbox("jobs", "list").out()).contains("no jobs");
    }

    @Test
    void givenSkipInvalid_whenBatchWait_thenValidRowsRender_andARerunWithAnEditedScriptSubmitsNothingNew()
            throws Exception {
        Files.writeString(dir.resolve("script.txt"), "Read from a file.\n");
        Files.writeString(
                dir.resolve("videos.csv"),
                "id,avatar_id,voice_id,script,script_file,caption,aspect,background\n"
                        + "a," + CliHarness.AVATAR + "," + CliHarness.VOICE + ",Hello,,true,9:16,#102030\n"
                        + "b," + CliHarness.AVATAR + "," + CliHarness.VOICE + ",,script.txt,,,\n"
                        + "c," + CliHarness.AVATAR + "," + CliHarness.VOICE + ",Hi,,maybe,,\n");

        CliHarness.Result first =
                cli.sandbox("video", "batch", "--csv", "videos.csv", "--skip-invalid", "--wait", "--timeout", "90s");

        assertThat(first.code()).as(first.all()).isZero();
        assertThat(first.err()).contains("skipping line 4: 'caption' must be true/false", "2 new job(s)");
        assertThat(first.out()).contains("2/2 finished", "2 SUCCEEDED");

        // the id column keys the row: a corrected script is still the same video, not a second render
        Files.writeString(
                dir.resolve("videos.csv"),
                Files.readString(dir.resolve("videos.csv")).replace(",Hello,", ",Hello again,"));
        CliHarness.Result again =
                cli.sandbox("--json", "video", "batch", "--csv", "videos.csv", "--skip-invalid", "--wait");
        assertThat(again.code()).as(again.all()).isZero();
        assertThat(again.out()).contains("\"created\": 0", "\"existing\": 2", "\"template\": null");
    }

    @Test
    void givenRowsWithoutAnId_whenRunTwice_thenTheSecondRunFindsEveryJob() throws Exception {
        Files.writeString(
                dir.resolve("videos.csv"),
                "avatar_id,voice_id,script\n" + CliHarness.AVATAR + "," + CliHarness.VOICE + ",One\n"
                        + CliHarness.AVATAR + "," + CliHarness.VOICE + ",One\n");

        CliHarness.Result first = cli.sandbox("--json", "video", "batch", "--csv", "videos.csv");
        CliHarness.Result again = cli.sandbox("--json", "video", "batch", "--csv", "videos.csv");

        assertThat(first.out()).as(first.all()).contains("\"created\": 2");
        assertThat(again.out()).as(again.all()).contains("\"created\": 0", "\"existing\": 2");
    }

    private static String row(String id, String script, String title) {
        return id + "," + CliHarness.AVATAR + "," + CliHarness.VOICE + "," + script + "," + title + "\n";
    }
}
