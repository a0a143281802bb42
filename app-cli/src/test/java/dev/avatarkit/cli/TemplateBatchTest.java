package dev.avatarkit.cli;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class TemplateBatchTest {
    static final String TEMPLATE = "tpl_welcome_name";

    @TempDir
    Path dir;

    CliHarness cli;

    @BeforeEach
    void setUp() {
        cli = new CliHarness(dir);
    }

    @Test
    void givenBadRows_whenBatch_thenEveryBadLineIsReportedAndNothingSubmitted() throws Exception {
        Files.writeString(dir.resolve("rows.csv"), "name,title\nAnn,first\n,empty name\nBob,x,extra\nCy,fine\n");

        CliHarness.Result r = cli.sandbox("template", "batch", TEMPLATE, "--csv", "rows.csv");

        assertThat(r.code()).as(r.all()).isEqualTo(2);
        assertThat(r.out()).contains("line 3", "line 4").doesNotContain("line 2:", "line 5:");
        assertThat(r.err()).contains("2 invalid row(s)", "nothing was submitted", "--skip-invalid");
        assertThat(cli.sandbox("jobs", "list").out()).contains("no jobs");
    }

    @Test
    void givenUnknownAndMissingColumns_whenBatch_thenHeaderErrorsEvenWithSkipInvalid() throws Exception {
        Files.writeString(dir.resolve("rows.csv"), "nmae,title\nAnn,first\n");

        CliHarness.Result r =
                cli.sandbox("--json", "template", "batch", TEMPLATE, "--csv", "rows.csv", "--skip-invalid");

        assertThat(r.code()).isEqualTo(2);
        assertThat(r.out()).contains("\"line\": 1", "nmae", "missing column 'name'");
        assertThat(cli.sandbox("jobs", "list").out()).contains("no jobs");
    }

    @Test
    void givenDryRun_thenPlanAndCreditsPrintedAndNothingSubmitted() throws Exception {
        Files.writeString(dir.resolve("rows.csv"), "name,title\nAnn,first\nBob,second\n");

        CliHarness.Result r = cli.sandbox("template", "batch", TEMPLATE, "--csv", "rows.csv", "--dry-run");

        assertThat(r.code()).as(r.all()).isZero();
        assertThat(r.out()).contains("dry run", "2 video(s)", "credit", "name=Ann", "name=Bob");
        assertThat(cli.sandbox("jobs", "list").out()).contains("no jobs");
    }

    @Test
    void givenSkipInvalid_whenBatchWait_thenValidRowsRenderAndRerunSubmitsNothingNew() throws Exception {
        Files.writeString(dir.resolve("rows.csv"), "name,title\nAnn,one\nBob,two\n,bad\nCy,three\n");

        CliHarness.Result first = cli.sandbox(
                "template", "batch", TEMPLATE, "--csv", "rows.csv", "--skip-invalid", "--wait", "--timeout", "90s");

        assertThat(first.code()).as(first.all()).isZero();
        assertThat(first.err()).contains("skipping line 4", "3 new job(s)");
        assertThat(first.out()).contains("3/3 finished", "3 SUCCEEDED");

        CliHarness.Result again =
                cli.sandbox("--json", "template", "batch", TEMPLATE, "--csv", "rows.csv", "--skip-invalid", "--wait");
        assertThat(again.code()).as(again.all()).isZero();
        assertThat(again.out()).contains("\"created\": 0", "\"existing\": 3", "\"SUCCEEDED\": 3");
    }

    @Test
    void givenNonTty_whenBatchRuns_thenProgressIsPlainLines() throws Exception {
        Files.writeString(dir.resolve("rows.csv"), "name\nAnn\nBob\n");

        CliHarness.Result r =
                cli.sandbox("template", "batch", TEMPLATE, "--csv", "rows.csv", "--wait", "--timeout", "90s");

        assertThat(r.code()).as(r.all()).isZero();
        assertThat(r.err()).contains("] 0/2 finished").doesNotContain("\r");
    }
}
