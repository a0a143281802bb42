package dev.avatarkit.http;

import static dev.avatarkit.http.ServerCalls.call;
import static dev.avatarkit.http.ServerCalls.field;
import static dev.avatarkit.http.ServerCalls.text;
import static org.assertj.core.api.Assertions.assertThat;

import dev.avatarkit.sim.HeyGenSimulator;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * kill -9 of the server (the shaded jar in its own JVM) in the middle of a batch, then a restart on the same
 * database and store: every job finishes, and the simulator saw exactly one create per job.
 */
class ServerCrashIT {

    @Test
    void givenABatchInFlight_whenTheServerIsKilledAndRestarted_thenEveryJobSucceedsWithNoDuplicateCreate(
            @TempDir Path dir) throws Exception {
        try (HeyGenSimulator sim = HeyGenSimulator.builder()
                .port(0)
                .renderTime(Duration.ofSeconds(2))
                .callbackSecret("whsec_crash_test")
                .build()
                .start()) {
            Map<String, String> env = Map.of(
                    "AVATARKIT_HOME",
                    dir.resolve("home").toString(),
                    "AVATARKIT_STORAGE_DIR",
                    dir.resolve("assets").toString(),
                    "HEYGEN_API_KEY",
                    "sim-key",
                    "HEYGEN_BASE_URL",
                    sim.baseUrl(),
                    "HEYGEN_WEBHOOK_SECRET",
                    "whsec_crash_test",
                    "AVATARKIT_HTTP_TOKENS",
                    TestServer.TOKEN);
            String batch;
            try (ServerProcess first = ServerProcess.start(env, dir.resolve("server.log"))) {
                StringBuilder rows = new StringBuilder();
                for (int i = 0; i < 8; i++)
                    rows.append(i == 0 ? "" : ",")
                            .append("{\"name\":\"row")
                            .append(i)
                            .append("\"}");
                var created = call(
                        first.port,
                        "POST",
                        "/v1/batches",
                        "{\"template\":\"tpl_welcome_name\",\"rows\":[" + rows + "]}");
                assertThat(created.code()).isEqualTo(202);
                batch = field(created, "id");
                awaitState(first.port, batch, "RENDERING", Duration.ofSeconds(60));
                first.kill();
            }
            try (ServerProcess second = ServerProcess.start(env, dir.resolve("server.log"))) {
                Instant deadline = Instant.now().plus(Duration.ofMinutes(4));
                String body = "";
                while (Instant.now().isBefore(deadline)) {
                    body = text(call(second.port, "GET", "/v1/batches/" + batch, null));
                    if (body.contains("\"finished\":true")) break;
                    Thread.sleep(500);
                }
                assertThat(body).contains("\"finished\":true").contains("\"SUCCEEDED\":8");
            }
            assertThat(sim.stats().duplicateCreates()).isZero();
            assertThat(sim.stats().jobsCreated()).isEqualTo(8);
        }
    }

    private void awaitState(int port, String batch, String state, Duration timeout) throws Exception {
        Instant deadline = Instant.now().plus(timeout);
        while (Instant.now().isBefore(deadline)) {
            if (text(call(port, "GET", "/v1/batches/" + batch, null)).contains("\"" + state + "\"")) return;
            Thread.sleep(100);
        }
        throw new AssertionError("batch " + batch + " never had a job " + state);
    }
}
