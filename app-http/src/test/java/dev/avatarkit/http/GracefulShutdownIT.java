package dev.avatarkit.http;

import static dev.avatarkit.http.ServerCalls.call;
import static dev.avatarkit.http.ServerCalls.field;
import static dev.avatarkit.http.ServerCalls.text;
import static org.assertj.core.api.Assertions.assertThat;

import dev.avatarkit.sim.FaultKind;
import dev.avatarkit.sim.FaultRule;
import dev.avatarkit.sim.HeyGenSimulator;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.Map;
import okhttp3.Response;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * SIGTERM (systemd's stop, Ctrl-C) while a download is in flight: the server stops taking requests, lets the running
 * download finish within its bounded wait, and exits; the asset is complete on disk before the process is gone.
 */
class GracefulShutdownIT {
    private static final Duration DOWNLOAD_STALL = Duration.ofSeconds(4);

    @Test
    void givenADownloadInFlight_whenSigterm_thenTheDownloadFinishesAndTheServerExits(@TempDir Path dir)
            throws Exception {
        try (HeyGenSimulator sim = HeyGenSimulator.builder()
                .port(0)
                .renderTime(Duration.ofMillis(300))
                .build()
                .start()) {
            // every file the simulator serves answers only after a stall, so the job sits in DOWNLOADING
            sim.faults()
                    .add(FaultRule.on("GET /_sim/files/{token}", FaultKind.SLOW)
                            .delayMs(DOWNLOAD_STALL.toMillis())
                            .next(10));
            Map<String, String> env = Map.of(
                    "AVATARKIT_HOME",
                    dir.resolve("home").toString(),
                    "AVATARKIT_STORAGE_DIR",
                    dir.resolve("assets").toString(),
                    "HEYGEN_API_KEY",
                    "sim-key",
                    "HEYGEN_BASE_URL",
                    sim.baseUrl(),
                    "AVATARKIT_HTTP_TOKENS",
                    TestServer.TOKEN);
            ServerProcess server = ServerProcess.start(env, dir.resolve("server.log"));
            String job;
            try (server) {
                Response created = call(server.port, "POST", "/v1/videos", TestServer.videoBody("graceful"));
                assertThat(created.code()).isEqualTo(202);
                job = field(created, "id");
                awaitState(server.port, job, "DOWNLOADING", Duration.ofSeconds(30));

                long started = System.nanoTime();
                int exit = server.terminate(Duration.ofSeconds(45));
                long tookMs = (System.nanoTime() - started) / 1_000_000;

                String log = Files.readString(dir.resolve("server.log"));
                assertThat(exit)
                        .as("exit code after SIGTERM (143 = 128 + 15); log:%n%s", log)
                        .isEqualTo(143);
                assertThat(tookMs)
                        .as("it waited for the download instead of dropping it")
                        .isGreaterThan(500);
                assertThat(log).contains("avatarkit-http stopped");
            }
            Path video = dir.resolve("assets/videos/" + job + "/video.mp4");
            assertThat(video).as("downloaded before the process exited").isRegularFile();
            assertThat(Files.size(video)).isPositive();
        }
    }

    private void awaitState(int port, String job, String state, Duration timeout) throws Exception {
        Instant deadline = Instant.now().plus(timeout);
        String body = "";
        while (Instant.now().isBefore(deadline)) {
            body = text(call(port, "GET", "/v1/jobs/" + job, null));
            if (body.contains("\"state\":\"" + state + "\"")) return;
            Thread.sleep(50);
        }
        throw new AssertionError("job " + job + " never " + state + "; last: " + body);
    }
}
