package dev.avatarkit.cli;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Issue 16 #7: a careless CSV is a usage error (exit 2) naming its line, and nothing is submitted. */
class BatchCsvInputTest {
    static final String TEMPLATE = TemplateBatchTest.TEMPLATE;

    @TempDir
    Path dir;

    CliHarness cli;

    @BeforeEach
    void setUp() {
        cli = new CliHarness(dir);
    }

    @Test
    void givenInvalidUtf8OnLine3_whenBatch_thenExit2NamingTheLine() throws Exception {
        byte[] latin1 = "name,title\nAnn,first\nJos\u00e9,second\n".getBytes(StandardCharsets.ISO_8859_1);
        Files.write(dir.resolve("rows.csv"), latin1);

        CliHarness.Result r = cli.sandbox("template", "batch", TEMPLATE, "--csv", "rows.csv");

        assertThat(r.code()).as(r.all()).isEqualTo(2);
        assertThat(r.err()).contains("line 3", "UTF-8").doesNotContain("MalformedInputException");
        assertThat(cli.sandbox("jobs", "list").out()).contains("no jobs");
    }

    @Test
    void givenADuplicatedHeaderColumn_whenBatch_thenExit2NamingBothColumns() throws Exception {
        Files.writeString(dir.resolve("rows.csv"), "name,title,name\nAnn,first,Bob\n");

        CliHarness.Result r = cli.sandbox("template", "batch", TEMPLATE, "--csv", "rows.csv", "--skip-invalid");

        assertThat(r.code()).as(r.all()).isEqualTo(2);
        assertThat(r.all()).contains("line 1", "'name' appears twice", "columns 1 and 3");
        assertThat(cli.sandbox("jobs", "list").out()).contains("no jobs");
    }
}
