package dev.avatarkit.cli;

import static org.assertj.core.api.Assertions.assertThat;

import com.sun.net.httpserver.HttpServer;
import dev.avatarkit.cli.output.Documents;
import dev.avatarkit.runtime.json.Json;
import dev.avatarkit.sim.HeyGenSimulator;
import java.net.InetSocketAddress;
import java.net.ServerSocket;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** {@code doctor}: one line per check, and an exit code that says which kind of thing is wrong. */
class DoctorTest {
    static final String KEY = "sk_live_DOCTORKEY_9000";

    @TempDir
    Path dir;

    CliHarness cli;

    @BeforeEach
    void setUp() {
        cli = new CliHarness(dir);
    }

    @Test
    void givenTheSandbox_whenDoctor_thenEveryCheckPassesAndExit0() {
        CliHarness.Result r = cli.sandbox("doctor");

        assertThat(r.code()).as(r.all()).isZero();
        assertThat(r.out())
                .containsPattern("(?m)^ok +config ")
                .containsPattern("(?m)^ok +provider key +accepted by the heygen sandbox simulator")
                .containsPattern("(?m)^ok +database +writable, schema v\\d+")
                .containsPattern("(?m)^ok +storage +1 KiB written")
                .containsPattern("(?m)^skip +webhook URL +AVATARKIT_PUBLIC_URL not set")
                .contains("all checks passed")
                .doesNotContain("FAIL");
        assertThat(dir.resolve("avatarkit-assets").resolve("_doctor"))
                .as("the probe object is deleted")
                .isEmptyDirectory();
    }

    @Test
    void givenAKeyTheProviderRefuses_whenDoctor_thenExit3AndTheKeyIsNeverPrinted() {
        try (HeyGenSimulator simulator =
                HeyGenSimulator.builder().port(0).apiKey("other").build().start()) {
            cli.env.put("HEYGEN_API_KEY", KEY);
            cli.env.put("HEYGEN_BASE_URL", simulator.baseUrl());
            cli.env.put("HEYGEN_UPLOAD_URL", simulator.baseUrl());

            CliHarness.Result text = cli.run("-vv", "doctor");
            CliHarness.Result json = cli.run("--json", "doctor");

            assertThat(text.code()).as(text.all()).isEqualTo(3);
            assertThat(text.out())
                    .containsPattern("(?m)^FAIL +provider key +heygen: HeyGen HTTP 401")
                    .contains("hint: check HEYGEN_API_KEY")
                    .containsPattern("(?m)^ok +database ")
                    .containsPattern("(?m)^ok +storage ")
                    .contains("checks failed (exit 3)");
            assertThat(json.code()).isEqualTo(3);
            assertThat(text.all() + json.all()).doesNotContain(KEY).doesNotContain("DOCTORKEY");
        }
    }

    @Test
    void givenNoKeyOutsideTheSandbox_whenDoctor_thenExit3WithTheHowTo() {
        CliHarness.Result r = cli.run("doctor");

        assertThat(r.code()).as(r.all()).isEqualTo(3);
        assertThat(r.out())
                .containsPattern("(?m)^FAIL +provider key +.*no HeyGen API key")
                .contains("hint: export HEYGEN_API_KEY");
    }

    @Test
    void givenAStorageDirThatCannotBeCreated_whenDoctor_thenAFailLineNamingItAndExit1() throws Exception {
        Path blocker = Files.writeString(dir.resolve("not-a-dir"), "a file where the storage directory should be");
        Path storage = blocker.resolve("assets");
        cli.env.put("AVATARKIT_STORAGE_DIR", storage.toString());

        CliHarness.Result r = cli.sandbox("doctor");

        assertThat(r.code()).as(r.all()).isEqualTo(1);
        assertThat(r.out())
                .containsPattern("(?m)^FAIL +storage +" + java.util.regex.Pattern.quote(storage.toString()))
                .containsPattern("(?m)^ok +provider key ")
                .containsPattern("(?m)^ok +database ");
    }

    @Test
    void givenABadConfig_whenDoctor_thenExit2AndNoOtherCheckRuns() {
        cli.env.put("HEYGEN_MAX_CONCURRENCY", "lots");

        CliHarness.Result r = cli.sandbox("doctor");

        assertThat(r.code()).as(r.all()).isEqualTo(2);
        assertThat(r.out())
                .containsPattern("(?m)^FAIL +config +configuration: HEYGEN_MAX_CONCURRENCY must be a whole number")
                .doesNotContain("provider key");
    }

    @Test
    void givenAPublicUrlThatAnswers_whenDoctor_thenWebhookPasses_andOneThatDoesNot_thenItFailsWithTheReason()
            throws Exception {
        HttpServer server = HttpServer.create(new InetSocketAddress("127.0.0.1", 0), 0);
        server.createContext("/", exchange -> {
            exchange.sendResponseHeaders(405, -1);
            exchange.close();
        });
        server.start();
        try {
            cli.env.put(
                    "AVATARKIT_PUBLIC_URL",
                    "http://127.0.0.1:" + server.getAddress().getPort());
            CliHarness.Result reachable = cli.sandbox("--json", "doctor");
            Documents.DoctorReport report =
                    Json.moshi().adapter(Documents.DoctorReport.class).fromJson(reachable.out());

            assertThat(reachable.code()).as(reachable.all()).isZero();
            assertThat(report.checks()).last().extracting("name", "status").containsExactly("webhook URL", "pass");
            assertThat(report.checks().get(report.checks().size() - 1).detail())
                    .contains("/webhooks/heygen answered HTTP 405");
        } finally {
            server.stop(0);
        }

        cli.env.put("AVATARKIT_PUBLIC_URL", "http://127.0.0.1:" + closedPort());
        CliHarness.Result unreachable = cli.sandbox("doctor");

        assertThat(unreachable.code()).as(unreachable.all()).isEqualTo(1);
        assertThat(unreachable.out())
                .containsPattern(
                        "(?m)^FAIL +webhook URL +http://127\\.0\\.0\\.1:\\d+/webhooks/heygen: unreachable from here.*Connect");
    }

    private static int closedPort() throws Exception {
        try (ServerSocket socket = new ServerSocket(0)) {
            return socket.getLocalPort();
        }
    }
}
