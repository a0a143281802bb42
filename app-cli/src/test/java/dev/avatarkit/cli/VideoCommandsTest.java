package dev.avatarkit.cli;

import static dev.avatarkit.cli.CliHarness.AVATAR;
import static dev.avatarkit.cli.CliHarness.VOICE;
import static org.assertj.core.api.Assertions.assertThat;

import dev.avatarkit.runtime.json.JobDocument;
import dev.avatarkit.runtime.json.Json;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class VideoCommandsTest {
    @TempDir
    Path dir;

    CliHarness cli;

    @BeforeEach
    void setUp() {
        cli = new CliHarness(dir);
    }

    @Test
    void givenSandbox_whenVideoCreateWait_thenMp4AndThumbnailAreStoredAndExitIs0() throws Exception {
        CliHarness.Result r = cli.sandbox(
                "--json",
                "video",
                "create",
                "--avatar",
                AVATAR,
                "--voice",
                VOICE,
                "--text",
                "Hello",
                "--wait",
                "--timeout",
                "60s");

        assertThat(r.code()).as(r.all()).isZero();
        JobDocument job = Json.adapter(JobDocument.class).fromJson(r.out());
        assertThat(job.state()).isEqualTo("SUCCEEDED");
        Path video = dir.resolve("avatarkit-assets/videos/" + job.id() + "/video.mp4");
        Path thumb = dir.resolve("avatarkit-assets/videos/" + job.id() + "/thumbnail.jpg");
        assertThat(video).isRegularFile();
        assertThat(thumb).isRegularFile();
        byte[] mp4 = Files.readAllBytes(video);
        assertThat(new String(mp4, 4, 4, "US-ASCII")).isEqualTo("ftyp");
        assertThat(job.assets()).extracting(JobDocument.Asset::kind).contains("video", "thumbnail");
    }

    @Test
    void givenFinishedJob_whenStatusShowListAssetsDownload_thenEachReadsIt() throws Exception {
        CliHarness.Result created = cli.sandbox(
                "--json",
                "video",
                "create",
                "--avatar",
                AVATAR,
                "--voice",
                VOICE,
                "--text",
                "Hi",
                "--title",
                "greeting",
                "--wait",
                "--timeout",
                "60s");
        String id = Json.adapter(JobDocument.class).fromJson(created.out()).id();

        CliHarness.Result status = cli.sandbox("video", "status", id);
        assertThat(status.code()).as(status.all()).isZero();
        assertThat(status.out()).contains("SUCCEEDED", "greeting", "video.mp4");

        CliHarness.Result show = cli.sandbox("--json", "jobs", "show", id);
        assertThat(Json.adapter(JobDocument.class).fromJson(show.out()).id()).isEqualTo(id);

        CliHarness.Result list = cli.sandbox("jobs", "list");
        assertThat(list.out()).contains("ID", id, "VIDEO", "SUCCEEDED");
        assertThat(cli.sandbox("video", "list", "--state", "succeeded").out()).contains(id);
        assertThat(cli.sandbox("jobs", "list", "--state", "FAILED").out()).contains("no jobs");

        CliHarness.Result assets = cli.sandbox("assets", "list", "--job", id);
        assertThat(assets.out()).contains("videos/" + id + "/video.mp4", "videos/" + id + "/thumbnail.jpg");

        CliHarness.Result download = cli.sandbox("video", "download", id, "--out", "out");
        assertThat(download.code()).as(download.all()).isZero();
        assertThat(dir.resolve("out/" + id + "-video.mp4")).isRegularFile();

        CliHarness.Result again = cli.sandbox("video", "wait", id);
        assertThat(again.code()).isZero();
    }

    @Test
    void givenTinyTimeout_whenWaiting_thenExit4AndTellsHowToResume() {
        CliHarness.Result r = cli.sandbox(
                "video", "create", "--avatar", AVATAR, "--voice", VOICE, "--text", "Hi", "--wait", "--timeout", "1ms");

        assertThat(r.code()).as(r.all()).isEqualTo(4);
        assertThat(r.err()).contains("avatarkit video wait ", "jobs resume");
    }

    @Test
    void givenScenesFile_whenCreate_thenMultiSceneJobIsCreated() throws Exception {
        Files.writeString(dir.resolve("scenes.json"), """
                {"scenes":[{"avatar":"%s","voice":"%s","text":"One","background":"#112233"},
                           {"avatar":"%s","voice":"%s","text":"Two"}], "aspect":"9:16","title":"two scenes"}
                """.formatted(AVATAR, VOICE, AVATAR, VOICE));

        CliHarness.Result r =
                cli.sandbox("--json", "video", "create", "--scenes", "scenes.json", "--wait", "--timeout", "60s");

        assertThat(r.code()).as(r.all()).isZero();
        assertThat(Json.adapter(JobDocument.class).fromJson(r.out()).title()).isEqualTo("two scenes");
    }

    @Test
    void givenCatalogueCommands_whenRunInSandbox_thenTheyListTheSimulatorsCatalogue() {
        assertThat(cli.sandbox("avatars", "list").out()).contains(AVATAR);
        assertThat(cli.sandbox("voices", "list").out()).contains(VOICE);
        assertThat(cli.sandbox("template", "list").out()).contains("tpl_welcome_name");
        assertThat(cli.sandbox("template", "show", "tpl_welcome_name").out()).contains("name", "text");
        CliHarness.Result account = cli.sandbox("--json", "account");
        assertThat(account.code()).isZero();
        assertThat(account.out()).contains("\"remaining\"");
    }
}
