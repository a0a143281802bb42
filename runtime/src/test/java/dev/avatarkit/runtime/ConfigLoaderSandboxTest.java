package dev.avatarkit.runtime;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Path;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Issue 16 #1: sandbox work never shares a job database (or S3 prefix) with real work, whatever is configured. */
class ConfigLoaderSandboxTest {
    @TempDir
    Path home;

    @Test
    void givenSandbox_thenJobsLiveInSandboxDbEvenWhenARealDatabaseIsConfigured() {
        Map<String, String> env = Map.of(
                "AVATARKIT_HOME",
                home.toString(),
                "AVATARKIT_DB_URL",
                "jdbc:postgresql://127.0.0.1:5432/prod",
                "AVATARKIT_SANDBOX",
                "1",
                "AVATARKIT_STORAGE",
                "s3",
                "AVATARKIT_S3_BUCKET",
                "b",
                "AVATARKIT_S3_PREFIX",
                "videos/");

        AvatarkitConfig config = ConfigLoader.load(Map.of(), env, null);

        assertThat(config.dbUrl()).isEqualTo("jdbc:sqlite:" + home.resolve("sandbox.db"));
        assertThat(config.s3Prefix()).isEqualTo("sandbox/videos/");
    }

    @Test
    void givenRealWork_thenTheConfiguredDatabaseIsUsed() {
        AvatarkitConfig config = ConfigLoader.load(Map.of(), Map.of("AVATARKIT_HOME", home.toString()), null);

        assertThat(config.dbUrl()).isEqualTo("jdbc:sqlite:" + home.resolve("avatarkit.db"));
    }
}
