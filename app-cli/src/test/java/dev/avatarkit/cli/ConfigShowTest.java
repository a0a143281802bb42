package dev.avatarkit.cli;

import static org.assertj.core.api.Assertions.assertThat;

import dev.avatarkit.cli.output.Documents;
import dev.avatarkit.runtime.json.Json;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;
import java.util.stream.Collectors;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** {@code config show}: values and their sources as loaded, secrets never printed (text or JSON). */
class ConfigShowTest {
    static final String ENV_KEY = "sk_live_ENVKEY_4242";
    static final String FILE_SECRET = "whsec_FILESECRET_77";

    @TempDir
    Path dir;

    CliHarness cli;
    Path file;

    @BeforeEach
    void setUp() throws Exception {
        cli = new CliHarness(dir);
        file = Files.writeString(
                dir.resolve("ak.properties"),
                "HEYGEN_WEBHOOK_SECRET=" + FILE_SECRET
                        + "\nHEYGEN_API_KEY=sk_live_FILEKEY_1\nHEYGEN_MAX_CONCURRENCY=7\nAVATARKIT_HTTP_TOKENS=tok_FILETOKEN\n");
        cli.env.put("HEYGEN_API_KEY", ENV_KEY);
        cli.env.put("AVATARKIT_SANDBOX", "0");
    }

    @Test
    void givenSecretsByEnvAndByFile_whenShown_thenNeitherTextNorJsonContainsThem() {
        CliHarness.Result text = cli.run("-vv", "--config", file.toString(), "config", "show");
        CliHarness.Result json = cli.run("--json", "--config", file.toString(), "config", "show");

        assertThat(text.code()).as(text.all()).isZero();
        assertThat(json.code()).as(json.all()).isZero();
        for (CliHarness.Result r : new CliHarness.Result[] {text, json}) {
            assertThat(r.all()).doesNotContain(ENV_KEY, "ENVKEY", FILE_SECRET, "FILESECRET", "FILEKEY", "FILETOKEN");
        }
        assertThat(text.out())
                .containsPattern("HEYGEN_API_KEY +set \\(redacted\\) +env")
                .containsPattern("HEYGEN_WEBHOOK_SECRET +set \\(redacted\\) +file "
                        + java.util.regex.Pattern.quote(file.toString()));
    }

    @Test
    void givenEachPrecedenceLevel_whenShownAsJson_thenEachValueNamesItsSource() throws Exception {
        Map<String, Documents.ConfigValue> values =
                json(cli.run("--json", "--sandbox", "--config", file.toString(), "config", "show"));

        assertThat(values.get("AVATARKIT_SANDBOX"))
                .extracting("value", "source")
                .containsExactly("true", "flag");
        assertThat(values.get("HEYGEN_API_KEY"))
                .extracting("value", "source", "file")
                .containsExactly("set (redacted)", "env", null);
        assertThat(values.get("HEYGEN_MAX_CONCURRENCY"))
                .extracting("value", "source", "file")
                .containsExactly("7", "file", file.toString());
        assertThat(values.get("AVATARKIT_DB_URL").source()).isEqualTo("sandbox");
        assertThat(values.get("HEYGEN_BASE_URL"))
                .extracting("value", "source")
                .containsExactly("https://api.heygen.com", "default");
        assertThat(values.get("AWS_REGION")).extracting("value", "source").containsExactly(null, "not set");
    }

    @Test
    void givenNoConfigFile_whenShown_thenItSaysWhereItLookedAndStillExits0WithoutAKey() {
        cli.env.remove("HEYGEN_API_KEY");

        CliHarness.Result r = cli.run("config", "show");

        assertThat(r.code()).as(r.all()).isZero();
        assertThat(r.out())
                .contains("config file: " + dir.resolve("home").resolve("config.properties") + " (not found)")
                .containsPattern("HEYGEN_API_KEY +- +not set");
    }

    private static Map<String, Documents.ConfigValue> json(CliHarness.Result r) throws Exception {
        assertThat(r.code()).as(r.all()).isZero();
        Documents.ConfigShow show =
                Json.moshi().adapter(Documents.ConfigShow.class).fromJson(r.out());
        return show.settings().stream().collect(Collectors.toMap(Documents.ConfigValue::key, v -> v));
    }
}
