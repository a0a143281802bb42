package dev.avatarkit.http;

import static dev.avatarkit.http.JobRoutesTest.assertProblem;
import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.net.Socket;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import okhttp3.MediaType;
import okhttp3.Request;
import okhttp3.RequestBody;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Issue 16 item 7: what a careless or hostile client sends is refused up front, as a readable problem document. */
class HostileInputTest {
    @TempDir
    static Path dir;

    static TestServer s;

    @BeforeAll
    static void start() {
        s = TestServer.sandbox(dir);
    }

    @AfterAll
    static void stop() {
        if (s != null) s.close();
    }

    @Test
    void givenNonAsciiInARefusedValue_thenTheProblemEchoesItIntact() {
        var r = s.post("/v1/videos", "{\"avatar\":\"a\",\"voice\":\"v\",\"text\":\"hi\",\"aspect\":\"3:2😀é\"}");
        assertProblem(r, 422, "aspect");
        assertThat(r.field("detail")).contains("'3:2😀é'");
    }

    @Test
    void givenARequestJettyRefusesBeforeRouting_thenTheAnswerIsAProblemDocumentNotHtml() throws IOException {
        for (String request : List.of(
                "GET /v1/jobs HTTP/1.1\r\nHost: x\r\nNo-Colon-Here\r\n\r\n",
                "GET /v1/jobs/%zz HTTP/1.1\r\nHost: x\r\n\r\n")) {
            String response = raw(request);
            assertThat(response).as(request).startsWith("HTTP/1.1 400");
            assertThat(response.toLowerCase()).as(response).contains("content-type: application/problem+json");
            assertThat(response).as(response).contains("\"status\":400").doesNotContain("<html");
        }
    }

    @Test
    @SuppressWarnings("unchecked")
    void givenAMalformedAssetKindOrEventFilter_then422sThatTheOpenApiDocumentDescribes() {
        String id = s.post("/v1/videos", TestServer.videoBody("kinds")).field("id");
        assertProblem(s.get("/v1/jobs/" + id + "/assets/sound"), 422, "kind");
        assertProblem(s.get("/v1/events?job=not-a-ulid"), 422, "job");
        Map<String, Object> paths = (Map<String, Object>)
                s.call(new Request.Builder().url(s.url("/openapi.json")).build())
                        .json()
                        .get("paths");
        for (String path : List.of("/v1/jobs/{id}/assets/{kind}", "/v1/events")) {
            Map<String, Object> get = (Map<String, Object>) ((Map<String, Object>) paths.get(path)).get("get");
            assertThat((Map<String, Object>) get.get("responses")).as(path).containsKey("422");
        }
    }

    @Test
    void givenAnAssetReplacedByASymlinkOutOfTheStore_thenItIsRefusedAs404NotA500() throws IOException {
        var done = JobRoutesTest.await(
                s, s.post("/v1/videos", TestServer.videoBody("symlinked")).field("id"));
        @SuppressWarnings("unchecked")
        Map<String, Object> video = ((List<Map<String, Object>>) done.json().get("assets"))
                .stream().filter(a -> "video".equals(a.get("kind"))).findFirst().orElseThrow();
        Path file = Path.of(URI.create((String) video.get("uri")));
        Path outside = Files.writeString(dir.resolve("outside-secret.txt"), "not for you");
        Files.delete(file);
        Files.createSymbolicLink(file, outside);
        var r = s.get("/v1/jobs/" + done.field("id") + "/assets/video");
        assertProblem(r, 404, "kind");
        assertThat(r.body()).doesNotContain("not for you");
    }

    @Test
    void givenTextWithNulOrALoneSurrogate_thenRefusedBeforeAcceptingNamingTheField() {
        assertProblem(s.post("/v1/videos", TestServer.videoBody("a\\u0000b")), 422, "text");
        assertProblem(s.post("/v1/videos", TestServer.videoBody("half \\ud83d pair")), 422, "text");
        assertProblem(
                s.post(
                        "/v1/videos",
                        "{\"scenes\":[{\"avatar\":\"" + TestServer.AVATAR + "\",\"voice\":\"" + TestServer.VOICE
                                + "\",\"text\":\"\\udc00\"}]}"),
                422,
                "scenes[1].text");
    }

    @Test
    void givenInvalidUtf8InText_thenRefusedNamingTheField() {
        byte[] prefix = TestServer.videoBody("bad ").getBytes(StandardCharsets.UTF_8);
        int cut = prefix.length - 2; // just before the closing quote and brace
        byte[] body = new byte[prefix.length + 2];
        System.arraycopy(prefix, 0, body, 0, cut);
        body[cut] = (byte) 0xC3; // a lead byte followed by ASCII: malformed
        body[cut + 1] = (byte) 0x28;
        System.arraycopy(prefix, cut, body, cut + 2, 2);
        var r = s.call(s.request("/v1/videos")
                .post(RequestBody.create(body, TestServer.JSON))
                .build());
        assertProblem(r, 422, "text");
        assertThat(r.field("detail")).contains("UTF-8");
    }

    @Test
    void givenAVideoBackgroundTheDialectCannotRender_thenRefusedBeforeAccepting() {
        String body = "{\"avatar\":\"" + TestServer.AVATAR + "\",\"voice\":\"" + TestServer.VOICE
                + "\",\"text\":\"hi\",\"background\":\"video:https://example.com/loop.mp4\"}";
        assertProblem(s.post("/v1/videos", body), 422, "background");
    }

    @Test
    void givenABooleanQueryParameterThatIsNotTrueOrFalse_thenRefusedNotReadAsFalse() {
        RequestBody csv = RequestBody.create("name,title\nLin,first\n", MediaType.get("text/csv"));
        assertProblem(
                s.call(s.request("/v1/batches?template=tpl_welcome_name&skipInvalid=maybe")
                        .post(csv)
                        .build()),
                422,
                "skipInvalid");
        assertProblem(
                s.call(s.request("/v1/batches?template=tpl_welcome_name&dryRun=yes")
                        .post(csv)
                        .build()),
                422,
                "dryRun");
        assertThat(s.call(s.request("/v1/batches?template=tpl_welcome_name&dryRun=TRUE")
                                .post(csv)
                                .build())
                        .status())
                .isEqualTo(200);
    }

    private static String raw(String request) throws IOException {
        try (Socket socket = new Socket("127.0.0.1", s.server.port())) {
            socket.setSoTimeout(5000);
            OutputStream out = socket.getOutputStream();
            out.write(request.getBytes(StandardCharsets.ISO_8859_1));
            out.flush();
            InputStream in = socket.getInputStream();
            byte[] buffer = new byte[8192];
            StringBuilder text = new StringBuilder();
            int n;
            while ((n = in.read(buffer)) > 0) {
                text.append(new String(buffer, 0, n, StandardCharsets.UTF_8));
                if (text.indexOf("\r\n\r\n") > 0 && text.toString().contains("}")) break;
            }
            return text.toString();
        }
    }
}
