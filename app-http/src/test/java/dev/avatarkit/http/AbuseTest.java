package dev.avatarkit.http;

import static dev.avatarkit.http.JobRoutesTest.assertProblem;
import static org.assertj.core.api.Assertions.assertThat;

import ch.qos.logback.classic.Level;
import ch.qos.logback.classic.Logger;
import ch.qos.logback.classic.spi.ILoggingEvent;
import ch.qos.logback.core.read.ListAppender;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.net.Socket;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import okhttp3.Call;
import okhttp3.Request;
import okhttp3.Response;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.slf4j.LoggerFactory;

/**
 * Issue 16 items 2, 3 and 8 at test scale: a server with 16 worker threads stays responsive while more slow
 * webhook uploads and more event streams than it has threads are open; aborted uploads are no server error; job
 * creation and streams are capped (429 with Retry-After). The 300-connection version is the soak bench.
 */
class AbuseTest {
    static final int THREADS = 16;

    @TempDir
    static Path dir;

    static TestServer s;

    @BeforeAll
    static void start() {
        s = TestServer.limited(
                dir,
                HttpLimits.defaults()
                        .withThreads(THREADS)
                        .withQueue(3, 100)
                        .withStreams(40, 40)
                        .withWebhookReads(64, Duration.ofMillis(1500))
                        .withIdleTimeout(Duration.ofSeconds(2)));
    }

    @AfterAll
    static void stop() {
        if (s != null) s.close();
    }

    @Test
    void givenMoreSlowWebhookUploadsThanWorkerThreads_thenHealthStaysFastAndTheUploadsEndIn408() throws Exception {
        List<Socket> slow = new ArrayList<>();
        try {
            for (int i = 0; i < THREADS + 8; i++) {
                Socket socket = new Socket("127.0.0.1", s.server.port());
                socket.setSoTimeout(5000);
                socket.getOutputStream()
                        .write(("POST /webhooks/heygen HTTP/1.1\r\nHost: x\r\nContent-Type: application/json\r\n"
                                        + "Heygen-Signature: 00\r\nContent-Length: 100000\r\n\r\n{")
                                .getBytes(StandardCharsets.US_ASCII));
                slow.add(socket);
            }
            for (int round = 0; round < 4; round++) {
                for (Socket socket : slow)
                    socket.getOutputStream().write(' '); // a byte now and then keeps them "active"
                assertThat(healthMillis())
                        .as("GET /healthz with %d slow uploads open", slow.size())
                        .isLessThan(1000);
                Thread.sleep(250);
            }
            String answer = read(slow.get(0));
            assertThat(answer).startsWith("HTTP/1.1 408").contains("application/problem+json");
        } finally {
            for (Socket socket : slow) socket.close();
        }
    }

    @Test
    void givenAConnectionThatSaysNothing_thenTheServerClosesItAfterTheIdleTimeout() throws Exception {
        try (Socket silent = new Socket("127.0.0.1", s.server.port())) {
            silent.setSoTimeout(6000); // Jetty's own default would keep it 30 s
            long start = System.nanoTime();
            assertThat(silent.getInputStream().read()).isEqualTo(-1);
            assertThat(Duration.ofNanos(System.nanoTime() - start)).isLessThan(Duration.ofSeconds(5));
        }
    }

    @Test
    void givenAnUploadTheClientAborts_thenNoServerErrorIsLogged() throws Exception {
        Logger root = (Logger) LoggerFactory.getLogger(org.slf4j.Logger.ROOT_LOGGER_NAME);
        ListAppender<ILoggingEvent> logs = new ListAppender<>();
        logs.start();
        root.addAppender(logs);
        try {
            for (String path : List.of("/v1/videos", "/webhooks/heygen")) {
                try (Socket socket = new Socket("127.0.0.1", s.server.port())) {
                    socket.getOutputStream()
                            .write(("POST " + path + " HTTP/1.1\r\nHost: x\r\nAuthorization: Bearer " + TestServer.TOKEN
                                            + "\r\nContent-Type: application/json\r\nHeygen-Signature: 00\r\nContent-Length: 5000\r\n\r\n{\"avatar\":")
                                    .getBytes(StandardCharsets.US_ASCII));
                    Thread.sleep(200);
                }
            }
            Thread.sleep(500);
            assertThat(healthMillis()).isLessThan(1000);
        } finally {
            root.detachAppender(logs);
        }
        assertThat(logs.list)
                .filteredOn(e -> e.getLevel().isGreaterOrEqual(Level.ERROR))
                .isEmpty();
        assertThat(logs.list).filteredOn(e -> e.getThrowableProxy() != null).isEmpty();
    }

    @Test
    void givenMoreEventStreamsThanWorkerThreads_thenHealthStaysFastAndStreamsStillDeliver() throws Exception {
        List<Call> streams = new ArrayList<>();
        List<Response> open = new ArrayList<>();
        try {
            for (int i = 0; i < THREADS + 8; i++) {
                Call call = s.http.newCall(s.request("/v1/events").build());
                streams.add(call);
                Response response = call.execute();
                assertThat(response.code()).isEqualTo(200);
                open.add(response);
            }
            assertThat(healthMillis())
                    .as("GET /healthz with %d streams open", open.size())
                    .isLessThan(1000);
            String line = open.get(open.size() - 1).body().source().readUtf8Line();
            assertThat(line).isEqualTo("retry: 2000");
        } finally {
            open.forEach(Response::close);
            streams.forEach(Call::cancel);
        }
    }

    @Test
    void givenTheTokensStreamCap_thenOneMoreStreamIs429WithRetryAfter() throws Exception {
        List<Response> open = new ArrayList<>();
        try {
            for (int i = 0; i < 40; i++) {
                Response response =
                        s.http.newCall(s.request("/v1/events").build()).execute();
                if (response.code() != 200) {
                    response.close();
                    // the other test's streams may still be closing; what matters is that the 41st never opens
                    break;
                }
                open.add(response);
            }
            var refused = s.get("/v1/events");
            assertProblem(refused, 429, null);
            assertThat(refused.header("Retry-After")).isNotBlank();
        } finally {
            open.forEach(Response::close);
        }
    }

    @Test
    void givenATokenAtItsQueueLimit_thenTheNextJobIs429UntilOneFinishes() throws Exception {
        List<String> accepted = new ArrayList<>();
        TestServer.Result refused = null;
        for (int i = 0; i < 6 && refused == null; i++) {
            var r = s.post("/v1/videos", TestServer.videoBody("queued " + i), "Idempotency-Key", "queued-" + i);
            if (r.status() == 202) accepted.add(r.field("id"));
            else refused = r;
        }
        assertThat(accepted).hasSizeLessThanOrEqualTo(3);
        assertThat(refused).isNotNull();
        assertProblem(refused, 429, null);
        assertThat(refused.header("Retry-After")).isNotBlank();
        assertThat(refused.field("type")).endsWith("/queue-full");
        var repeat = s.post("/v1/videos", TestServer.videoBody("queued 0"), "Idempotency-Key", "queued-0");
        assertThat(repeat.status())
                .as("a repeat creates nothing, so a full queue does not refuse it")
                .isEqualTo(200);
        assertThat(repeat.field("id")).isEqualTo(accepted.get(0));
        var batch = s.call(s.request("/v1/batches?template=tpl_welcome_name")
                .post(okhttp3.RequestBody.create("name\na\nb\nc\nd\n", okhttp3.MediaType.get("text/csv")))
                .build());
        assertProblem(batch, 422, "rows"); // 4 rows can never fit under a limit of 3: not a retry-later
        for (String id : accepted) JobRoutesTest.await(s, id);
        assertThat(s.post("/v1/videos", TestServer.videoBody("after the queue drained"))
                        .status())
                .isEqualTo(202);
    }

    private static long healthMillis() {
        long start = System.nanoTime();
        var r = s.call(new Request.Builder().url(s.url("/healthz")).build());
        assertThat(r.status()).isEqualTo(200);
        return (System.nanoTime() - start) / 1_000_000;
    }

    private static String read(Socket socket) throws IOException {
        InputStream in = socket.getInputStream();
        OutputStream keepAlive = socket.getOutputStream();
        keepAlive.flush();
        byte[] buffer = new byte[4096];
        int n = in.read(buffer);
        return n < 0 ? "" : new String(buffer, 0, n, StandardCharsets.UTF_8);
    }
}
