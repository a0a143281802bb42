package dev.avatarkit.runtime;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;
import java.util.stream.Collectors;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** {@link ConfigLoader#loadWithSources}: each value's source is the precedence level that won, secrets are never in it. */
class ConfigLoaderSourcesTest {
    @TempDir
    Path home;

    @Test
    void givenAKeyAtEveryLevel_thenTheHighestWinsAndIsNamedAsTheSource() throws Exception {
        Path file = Files.writeString(
                home.resolve("config.properties"),
                "HEYGEN_MAX_CONCURRENCY=4\nHEYGEN_API_VERSION=v2\nAVATARKIT_HTTP_PORT=9001\n");
        Map<String, String> env =
                Map.of("AVATARKIT_HOME", home.toString(), "HEYGEN_MAX_CONCURRENCY", "5", "AVATARKIT_HTTP_PORT", "9002");
        Map<String, String> flags = Map.of("HEYGEN_MAX_CONCURRENCY", "6");

        Map<String, ConfigReport.Setting> settings = byKey(ConfigLoader.loadWithSources(flags, env, null));

        assertThat(settings.get("HEYGEN_MAX_CONCURRENCY"))
                .extracting(ConfigReport.Setting::shown, s -> s.source().describe())
                .containsExactly("6", "flag");
        assertThat(settings.get("AVATARKIT_HTTP_PORT"))
                .extracting(ConfigReport.Setting::shown, s -> s.source().describe())
                .containsExactly("9002", "env");
        assertThat(settings.get("HEYGEN_API_VERSION"))
                .extracting(ConfigReport.Setting::shown, s -> s.source().describe())
                .containsExactly("v2", "file " + file);
        assertThat(settings.get("HEYGEN_BASE_URL"))
                .extracting(ConfigReport.Setting::shown, s -> s.source().describe())
                .containsExactly("https://api.heygen.com", "default");
        assertThat(settings.get("AWS_REGION"))
                .extracting(ConfigReport.Setting::shown, s -> s.source().describe())
                .containsExactly(null, "not set");
        assertThat(settings.get("AVATARKIT_HOME"))
                .extracting(ConfigReport.Setting::shown, s -> s.source().describe())
                .containsExactly(home.toString(), "env");
    }

    @Test
    void givenTheSandbox_thenTheDatabaseItForcesIsNamedAsTheSandboxs() {
        ConfigReport report = ConfigLoader.loadWithSources(
                Map.of("AVATARKIT_SANDBOX", "1"),
                Map.of("AVATARKIT_HOME", home.toString(), "AVATARKIT_DB_URL", "jdbc:sqlite:/elsewhere.db"),
                null);

        ConfigReport.Setting db = byKey(report).get("AVATARKIT_DB_URL");
        assertThat(db.shown()).isEqualTo(ConfigLoader.sandboxDbUrl(home));
        assertThat(db.source().level()).isEqualTo(ConfigReport.Level.SANDBOX);
        assertThat(byKey(report).get("AVATARKIT_SANDBOX").source().level()).isEqualTo(ConfigReport.Level.FLAG);
    }

    @Test
    void givenSecretsInEnvAndFile_thenSettingsSayOnlyThatTheyAreSet() throws Exception {
        Path file = Files.writeString(
                home.resolve("ak.properties"),
                "HEYGEN_WEBHOOK_SECRET=whsec_FILESECRET\nAVATARKIT_HTTP_TOKENS=tok_ONE,tok_TWO\n");
        ConfigReport report = ConfigLoader.loadWithSources(
                Map.of(),
                Map.of(
                        "AVATARKIT_HOME",
                        home.toString(),
                        "HEYGEN_API_KEY",
                        "sk_ENVSECRET",
                        "AVATARKIT_DB_URL",
                        "jdbc:postgresql://db/ak?user=ak&password=pw_SECRET&ssl=true"),
                file);

        String all = report.settings().toString();
        assertThat(all).doesNotContain("ENVSECRET", "FILESECRET", "tok_ONE", "tok_TWO", "pw_SECRET");
        assertThat(byKey(report).get("HEYGEN_API_KEY").shown()).isEqualTo("set (redacted)");
        assertThat(byKey(report).get("HEYGEN_WEBHOOK_SECRET").source().file()).isEqualTo(file);
        assertThat(byKey(report).get("AVATARKIT_HTTP_TOKENS").shown()).isEqualTo("2 token(s) set (redacted)");
        assertThat(byKey(report).get("AVATARKIT_DB_URL").shown())
                .isEqualTo("jdbc:postgresql://db/ak?user=ak&password=(redacted)&ssl=true");
    }

    @Test
    void thenEveryKeyTheLoaderReadsIsShown() {
        assertThat(ConfigSettings.keys()).containsExactlyInAnyOrderElementsOf(ConfigLoader.keys());
    }

    private static Map<String, ConfigReport.Setting> byKey(ConfigReport report) {
        return report.settings().stream().collect(Collectors.toMap(ConfigReport.Setting::key, s -> s));
    }
}
