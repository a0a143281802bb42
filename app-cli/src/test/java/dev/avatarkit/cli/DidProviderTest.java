package dev.avatarkit.cli;

import static org.assertj.core.api.Assertions.assertThat;

import dev.avatarkit.runtime.json.JobDocument;
import dev.avatarkit.runtime.json.Json;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.stream.Stream;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Issue 15: D-ID through the same CLI. The sandbox swaps D-ID's settings for its simulator (did-sim, on the run-time
 * classpath as in the launcher), so {@code --provider d-id} renders a real talk from a photo on loopback.
 */
class DidProviderTest {
    static final String IMAGE = "https://assets.example.com/identities/ava/face.jpg";
    static final String DID_VOICE = "en-US-JennyNeural";

    @TempDir
    Path dir;

    CliHarness cli;

    @BeforeEach
    void setUp() {
        cli = new CliHarness(dir);
    }

    @Test
    void givenSandboxDid_whenVideoCreateFromAPhotoAndWait_thenExit0AndARealMp4IsStored() throws Exception {
        CliHarness.Result r = cli.sandbox(
                "--provider",
                "d-id",
                "--json",
                "video",
                "create",
                "--image",
                IMAGE,
                "--voice",
                DID_VOICE,
                "--text",
                "Hello",
                "--wait",
                "--timeout",
                "60s");

        assertThat(r.code()).as(r.all()).isZero();
        JobDocument job = Json.adapter(JobDocument.class).fromJson(r.out());
        assertThat(job.state()).isEqualTo("SUCCEEDED");
        assertThat(job.provider()).as("the job's route").startsWith("d-id");
        assertThat(job.providerRef()).as("a D-ID talk").contains("tlk_");
        Path video = dir.resolve("avatarkit-assets/videos/" + job.id() + "/video.mp4");
        assertThat(video).isRegularFile();
        byte[] mp4 = Files.readAllBytes(video);
        assertThat(mp4.length).isGreaterThan(8);
        assertThat(new String(mp4, 4, 4, "US-ASCII")).as("the MP4's first box").isEqualTo("ftyp");
    }

    @Test
    void givenSandboxDid_whenTemplateBatch_thenExit2NamingTheProviderAndTemplatesAndNothingIsStored() throws Exception {
        Files.writeString(dir.resolve("f.csv"), "name,title\nAnn,first\nBob,second\n");

        CliHarness.Result r = cli.sandbox("--provider", "d-id", "template", "batch", "tpl_x", "--csv", "f.csv");

        assertThat(r.code()).as(r.all()).isEqualTo(2);
        assertThat(r.err()).contains("d-id").containsIgnoringCase("template");
        assertThat(cli.sandbox("--json", "jobs", "list").out()).doesNotContain("\"id\"");
        assertThat(cli.sandbox("jobs", "list").out()).contains("no jobs");
        assertThat(storedFiles()).as("files under the store").isEmpty();
    }

    @Test
    void givenSandbox_whenProvidersList_thenHeygenIsTheDefaultAndDidIsListedWithItsCapabilities() {
        CliHarness.Result r = cli.sandbox("providers", "list");

        assertThat(r.code()).as(r.all()).isZero();
        List<String> lines = r.out().lines().toList();
        assertThat(lines.get(0)).contains("PROVIDER", "CAPABILITIES");
        String heygen =
                lines.stream().filter(l -> l.startsWith("heygen")).findFirst().orElseThrow();
        String did =
                lines.stream().filter(l -> l.startsWith("d-id")).findFirst().orElseThrow();
        assertThat(heygen).startsWith("heygen *").contains("videos", "templates");
        assertThat(did)
                .doesNotContain("*")
                .contains("videos", "photo_avatars", "webhooks")
                .doesNotContain("templates");
    }

    @Test
    void givenAnUnknownProvider_whenAnyCommand_thenExit2NamingTheInstalledProviders() {
        CliHarness.Result r = cli.sandbox(
                "--provider", "nope", "video", "create", "--image", IMAGE, "--voice", DID_VOICE, "--text", "Hello");

        assertThat(r.code()).as(r.all()).isEqualTo(2);
        assertThat(r.err()).contains("nope", "heygen", "d-id");
    }

    private List<Path> storedFiles() throws Exception {
        Path store = dir.resolve("avatarkit-assets");
        if (!Files.exists(store)) return List.of();
        try (Stream<Path> files = Files.walk(store)) {
            return files.filter(Files::isRegularFile).toList();
        }
    }
}
