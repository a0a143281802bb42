package dev.avatarkit.cli;

import static org.assertj.core.api.Assertions.assertThat;

import java.awt.image.BufferedImage;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import javax.imageio.ImageIO;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class AvatarCommandsTest {
    static final Pattern ID = Pattern.compile("influencer\\s+(\\S+)");

    @TempDir
    Path dir;

    CliHarness cli;

    @BeforeEach
    void setUp() {
        cli = new CliHarness(dir);
    }

    @Test
    void givenFourStills_whenCreateWait_thenStillsBaseManifestAndContactSheetAreStoredAndStatusShowsThem()
            throws Exception {
        BufferedImage face = new BufferedImage(64, 64, BufferedImage.TYPE_INT_RGB);
        ImageIO.write(face, "png", dir.resolve("face.png").toFile());

        CliHarness.Result r = cli.sandbox(
                "avatar",
                "create",
                "--name",
                "Mia",
                "--prompt",
                "woman in her twenties, short black bob",
                "--age",
                "25",
                "--gender",
                "female",
                "--style",
                "realistic",
                "--reference",
                "face.png",
                "--stills",
                "4",
                "--wait",
                "--timeout",
                "90s");

        assertThat(r.code()).as(r.all()).isZero();
        Matcher m = ID.matcher(r.out());
        assertThat(m.find()).as(r.out()).isTrue();
        String id = m.group(1);
        Path root = dir.resolve("avatarkit-assets/influencers/" + id);
        assertThat(r.out())
                .contains(
                        "4/4 stored",
                        "stills dir",
                        "manifest",
                        "contact sheet",
                        root.resolve("manifest.json").toString());
        assertThat(r.err()).contains("created influencer " + id, "stills 4/4 done");
        try (var files = Files.list(root.resolve("stills"))) {
            assertThat(files.filter(f -> f.toString().endsWith(".png")).count()).isEqualTo(4);
        }
        assertThat(root.resolve("base.png")).isRegularFile();
        assertThat(Files.readString(root.resolve("manifest.json"))).contains("\"stored\": 4");
        assertThat(ImageIO.read(root.resolve("contact-sheet.png").toFile())).isNotNull();

        CliHarness.Result status = cli.sandbox("--json", "avatar", "status", id);
        assertThat(status.code()).as(status.all()).isZero();
        assertThat(status.out())
                .contains(
                        "\"id\": \"" + id + "\"",
                        "\"state\": \"SUCCEEDED\"",
                        "\"stored\": 4",
                        "\"SUCCEEDED\": 4",
                        "\"finished\": true",
                        "\"missing\": []",
                        "contact-sheet.png");

        CliHarness.Result stills = cli.sandbox("avatar", "stills", id);
        assertThat(stills.code()).as(stills.all()).isZero();
        assertThat(stills.out()).contains("SHOT", "01-", "04-", "/stills/");
        assertThat(stills.out().lines().count()).isEqualTo(5);

        CliHarness.Result again = cli.sandbox(
                "avatar",
                "create",
                "--name",
                "Mia",
                "--prompt",
                "woman in her twenties, short black bob",
                "--age",
                "25",
                "--gender",
                "female",
                "--style",
                "realistic",
                "--reference",
                "face.png",
                "--stills",
                "4",
                "--wait");
        assertThat(again.code()).as(again.all()).isZero();
        assertThat(again.err()).contains("found influencer " + id, "not submitted again");
    }

    @Test
    void givenDryRun_thenPaidCallsCreditsAndConcurrencyAreShownAndNothingIsStored() {
        CliHarness.Result r =
                cli.sandbox("avatar", "create", "--name", "Mia", "--prompt", "woman", "--stills", "12", "--dry-run");

        assertThat(r.code()).as(r.all()).isZero();
        assertThat(r.out())
                .contains(
                        "dry run",
                        "paid calls    13",
                        "credits",
                        "needed",
                        "concurrency",
                        "render(s) at once",
                        "01-front",
                        "and 2 more");
        CliHarness.Result json = cli.sandbox(
                "--json", "avatar", "create", "--name", "Mia", "--prompt", "woman", "--stills", "3", "--dry-run");
        assertThat(json.out())
                .contains("\"paidCalls\": 4", "\"maxConcurrency\"", "\"creditsNeeded\": 4", "\"plannedStills\"");
        assertThat(cli.sandbox("jobs", "list").out()).contains("no jobs");
    }

    @Test
    void givenEmptyPrompt_thenExit2NamingPrompt() {
        assertInvalid("prompt", "--name", "Mia", "--prompt", "  ");
    }

    @Test
    void givenFourReferences_thenExit2NamingReference() {
        assertInvalid(
                "reference",
                "--name",
                "Mia",
                "--prompt",
                "woman",
                "--reference",
                "https://x.test/1.png",
                "https://x.test/2.png",
                "https://x.test/3.png",
                "https://x.test/4.png");
    }

    @Test
    void givenAnUnreadableImage_thenExit2NamingTheReference() throws Exception {
        Files.writeString(dir.resolve("notes.png"), "not an image");
        assertInvalid("references[1]", "--name", "Mia", "--prompt", "woman", "--reference", "notes.png");
        assertInvalid("references[1]", "--name", "Mia", "--prompt", "woman", "--reference", "missing.jpg");
    }

    @Test
    void givenAnUnknownLook_thenExit2NamingTheFlagAndTheAcceptedValues() {
        CliHarness.Result r = assertInvalid("style", "--name", "Mia", "--prompt", "woman", "--style", "anime");
        assertThat(r.err()).contains("unknown look", "Realistic", "Cyberpunk");
        assertInvalid("gender", "--name", "Mia", "--prompt", "woman", "--gender", "robot");
        assertInvalid("ethnicity", "--name", "Mia", "--prompt", "woman", "--ethnicity", "martian");
        assertInvalid("age", "--name", "Mia", "--prompt", "woman", "--age", "ageless");
    }

    @Test
    void givenShotsAndStillsOrTooManyStills_thenExit2() {
        assertInvalid("shots", "--name", "Mia", "--prompt", "woman", "--shots", "s.yaml", "--stills", "3");
        assertInvalid("stills", "--name", "Mia", "--prompt", "woman", "--stills", "101");
        assertInvalid("shots", "--name", "Mia", "--prompt", "woman", "--shots", "nope.yaml");
    }

    @Test
    void givenUnknownId_whenStatus_thenExit2() {
        CliHarness.Result r = cli.sandbox("avatar", "status", "01ARZ3NDEKTSV4RRFFQ69G5FAV");
        assertThat(r.code()).as(r.all()).isEqualTo(2);
    }

    private CliHarness.Result assertInvalid(String field, String... flags) {
        String[] args = new String[flags.length + 4];
        args[0] = "--json";
        args[1] = "avatar";
        args[2] = "create";
        System.arraycopy(flags, 0, args, 3, flags.length);
        args[args.length - 1] = "--wait";
        CliHarness.Result r = cli.sandbox(args);
        assertThat(r.code()).as(r.all()).isEqualTo(2);
        assertThat(r.err()).as(r.all()).contains("\"field\": \"" + field + "\"");
        assertThat(cli.sandbox("jobs", "list").out()).contains("no jobs");
        CliHarness.Result text = cli.sandbox(java.util.Arrays.copyOfRange(args, 1, args.length));
        return text;
    }
}
