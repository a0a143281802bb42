package dev.avatarkit.sim;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.InputStream;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.function.BooleanSupplier;
import org.awaitility.Awaitility;

/** Shared client helpers for the simulator ITs: raw HTTP via java.net.http, JSON via the simulator's own Moshi. */
abstract class SimHarness {
    static final String KEY = "test-key";
    final HttpClient http =
            HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(2)).build();
    HeyGenSimulator sim;

    HeyGenSimulator start(HeyGenSimulator.Builder b) {
        sim = b.build().start();
        return sim;
    }

    /** False only where a test injects off-schema answers on purpose (fault injection). */
    boolean answersFollowTheSchema() {
        return true;
    }

    /** Whatever a test sent, every JSON answer the simulator gave must fit HeyGen's published response schema. */
    @org.junit.jupiter.api.AfterEach
    void stopSim() {
        if (sim == null) return;
        try {
            if (answersFollowTheSchema())
                assertThat(sim.wireLog().exchanges())
                        .allSatisfy(e -> assertThat(e.response())
                                .as("response to " + e.route() + " (" + e.status() + ")")
                                .isEmpty());
        } finally {
            sim.close();
        }
    }

    /** A response with its parsed JSON (null when the body is not JSON). */
    record Res(int status, java.net.http.HttpHeaders headers, byte[] body) {
        @SuppressWarnings("unchecked")
        Map<String, Object> json() {
            return JsonMaps.parseObject(body);
        }

        @SuppressWarnings("unchecked")
        Map<String, Object> data() {
            return (Map<String, Object>) json().get("data");
        }

        String text() {
            return new String(body, StandardCharsets.UTF_8);
        }
    }

    Res call(String method, String path, String json, String... headers) throws Exception {
        HttpRequest.Builder b = HttpRequest.newBuilder(
                        URI.create(path.startsWith("http") ? path : sim.baseUrl() + path))
                .timeout(Duration.ofSeconds(10))
                .method(
                        method,
                        json == null ? HttpRequest.BodyPublishers.noBody() : HttpRequest.BodyPublishers.ofString(json));
        boolean keyGiven = false;
        for (int i = 0; i < headers.length; i += 2) {
            if (headers[i].equalsIgnoreCase("x-api-key")) keyGiven = true;
            if (headers[i + 1] != null) b.header(headers[i], headers[i + 1]);
        }
        if (!keyGiven) b.header("X-Api-Key", KEY);
        if (json != null) b.header("Content-Type", "application/json");
        HttpResponse<byte[]> r = http.send(b.build(), HttpResponse.BodyHandlers.ofByteArray());
        return new Res(r.statusCode(), r.headers(), r.body());
    }

    Res get(String path, String... headers) throws Exception {
        return call("GET", path, null, headers);
    }

    Res post(String path, String json, String... headers) throws Exception {
        return call("POST", path, json, headers);
    }

    String createV3Video(String extraJson) throws Exception {
        Res r = post(
                "/v3/videos",
                "{\"type\":\"avatar\",\"avatar_id\":\"Daisy-inskirt-20220818\",\"script\":\"Hello world.\","
                        + "\"voice_id\":\"2d5b0e6cf36f460aa7fc47e3eee4ba54\"" + extraJson + "}");
        assertThat(r.status()).as(r.text()).isEqualTo(200);
        return (String) r.data().get("video_id");
    }

    String v3Status(String id) throws Exception {
        return (String) get("/v3/videos/" + id).data().get("status");
    }

    /** Polls {@code condition} every 20 ms until it holds; fails after {@code max}. */
    static void await(BooleanSupplier condition, Duration max) {
        Awaitility.await().atMost(max).pollInterval(Duration.ofMillis(20)).until(condition::getAsBoolean);
    }

    interface Check {
        boolean test() throws Exception;
    }

    /** As {@link #await}, for a check that may throw (an HTTP read): its exception fails the wait at once. */
    static void awaitCheck(Check c, Duration max) {
        Awaitility.await().atMost(max).pollInterval(Duration.ofMillis(20)).until(c::test);
    }

    static Map<String, Object> fixture(String name) throws Exception {
        try (InputStream in = SimHarness.class.getResourceAsStream("/fixtures/" + name)) {
            return JsonMaps.parseObject(in.readAllBytes());
        }
    }

    /** Every key of the reference example is present, recursively, with a compatible JSON type (null matches any). */
    static void assertSameShape(String fixtureName, Map<String, Object> actual) throws Exception {
        assertShape(fixture(fixtureName), actual, "$");
    }

    @SuppressWarnings("unchecked")
    private static void assertShape(Object expected, Object actual, String path) {
        if (expected == null || actual == null) return;
        if (expected instanceof Map<?, ?> em) {
            assertThat(actual).as(path).isInstanceOf(Map.class);
            Map<String, Object> am = (Map<String, Object>) actual;
            for (Map.Entry<?, ?> e : em.entrySet()) {
                assertThat(am).as(path).containsKey((String) e.getKey());
                assertShape(e.getValue(), am.get(e.getKey()), path + "." + e.getKey());
            }
        } else if (expected instanceof List<?> el) {
            assertThat(actual).as(path).isInstanceOf(List.class);
            List<Object> al = (List<Object>) actual;
            if (!el.isEmpty() && !al.isEmpty()) assertShape(el.get(0), al.get(0), path + "[0]");
        } else {
            assertThat(actual.getClass()).as(path).isEqualTo(expected.getClass());
        }
    }
}
