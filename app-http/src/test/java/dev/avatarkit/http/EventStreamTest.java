package dev.avatarkit.http;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.function.Predicate;
import okhttp3.OkHttpClient;
import okhttp3.Request;
import okhttp3.Response;
import okio.BufferedSource;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** GET /v1/events: job changes as SSE with increasing ids; a reconnect with Last-Event-ID gets what it missed. */
class EventStreamTest {
    @TempDir
    static Path dir;

    static TestServer s;

    /** One SSE event as read off the wire. */
    record Sse(String id, String event, String data) {}

    @BeforeAll
    static void start() {
        s = TestServer.sandbox(dir);
    }

    @AfterAll
    static void stop() {
        if (s != null) s.close();
    }

    @Test
    void givenAStream_whenAJobRuns_thenEveryChangeArrivesWithIncreasingIdsAndAReconnectReplaysTheMissedOnes()
            throws Exception {
        List<Sse> seen;
        String jobId;
        try (Response stream = open("/v1/events", null)) {
            assertThat(stream.code()).isEqualTo(200);
            assertThat(stream.header("Content-Type")).startsWith("text/event-stream");
            jobId = s.post("/v1/videos", TestServer.videoBody("streamed")).field("id");
            String id = jobId;
            seen = read(
                    stream,
                    e -> e.data().contains("\"id\":\"" + id + "\"") && e.data().contains("\"SUCCEEDED\""));
        }
        List<Sse> mine = seen.stream().filter(e -> e.data().contains(jobId)).toList();
        assertThat(mine.get(0).data()).contains("\"QUEUED\"");
        assertThat(mine).extracting(Sse::event).containsOnly("job");
        for (int i = 1; i < seen.size(); i++) {
            assertThat(Long.parseLong(seen.get(i).id()))
                    .isGreaterThan(Long.parseLong(seen.get(i - 1).id()));
        }

        try (Response replay = open("/v1/events?job=" + jobId, mine.get(0).id())) {
            List<Sse> missed = read(replay, e -> e.data().contains("\"SUCCEEDED\""));
            assertThat(missed)
                    .extracting(Sse::id)
                    .containsExactlyElementsOf(
                            mine.subList(1, mine.size()).stream().map(Sse::id).toList());
        }
    }

    @Test
    void givenAnUnknownOrForeignLastEventId_whenReconnecting_thenAResyncEventComesFirst() throws Exception {
        try (Response stream = open("/v1/events", "1")) {
            List<Sse> first = read(stream, e -> true);
            assertThat(first.get(0).event()).isEqualTo("resync");
        }
        assertThat(s.call(s.request("/v1/events").header("Last-Event-ID", "abc").build())
                        .status())
                .isEqualTo(400);
        assertThat(s.call(s.request("/v1/events?job=x&batch=y").build()).status())
                .isEqualTo(400);
    }

    private static Response open(String path, String lastEventId) throws IOException {
        OkHttpClient client =
                s.http.newBuilder().readTimeout(Duration.ofSeconds(5)).build();
        Request.Builder b = s.request(path).header("Accept", "text/event-stream");
        if (lastEventId != null) b.header("Last-Event-ID", lastEventId);
        return client.newCall(b.build()).execute();
    }

    /** Reads events (skipping comments) until one matches {@code until}; fails after 60 s. */
    private static List<Sse> read(Response response, Predicate<Sse> until) throws IOException {
        BufferedSource source = response.body().source();
        List<Sse> events = new ArrayList<>();
        Instant deadline = Instant.now().plusSeconds(60);
        String id = null;
        String event = null;
        StringBuilder data = new StringBuilder();
        while (Instant.now().isBefore(deadline)) {
            String line = source.readUtf8Line();
            if (line == null) break;
            if (line.isEmpty()) {
                if (event != null) {
                    Sse sse = new Sse(id, event, data.toString());
                    events.add(sse);
                    if (until.test(sse)) return events;
                }
                id = null;
                event = null;
                data.setLength(0);
            } else if (line.startsWith("id: ")) {
                id = line.substring(4);
            } else if (line.startsWith("event: ")) {
                event = line.substring(7);
            } else if (line.startsWith("data: ")) {
                data.append(line.substring(6));
            }
        }
        throw new AssertionError("stream ended or timed out; got " + events);
    }
}
