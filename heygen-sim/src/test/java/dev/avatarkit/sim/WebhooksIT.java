package dev.avatarkit.sim;

import static org.assertj.core.api.Assertions.assertThat;

import com.sun.net.httpserver.HttpServer;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

class WebhooksIT extends SimHarness {
    record Delivery(String path, Map<String, List<String>> headers, byte[] body) {
        String header(String name) {
            return headers.entrySet().stream()
                    .filter(e -> e.getKey().equalsIgnoreCase(name))
                    .map(e -> e.getValue().get(0))
                    .findFirst()
                    .orElse(null);
        }
    }

    final List<Delivery> received = new CopyOnWriteArrayList<>();
    final AtomicInteger failuresToSend = new AtomicInteger();
    HttpServer receiver;
    String receiverUrl;

    @BeforeEach
    void setUp() throws Exception {
        receiver = HttpServer.create(new InetSocketAddress(InetAddress.getLoopbackAddress(), 0), 0);
        receiver.createContext("/", ex -> {
            byte[] body = ex.getRequestBody().readAllBytes();
            int status = failuresToSend.getAndDecrement() > 0 ? 500 : 200;
            if (status == 200) received.add(new Delivery(ex.getRequestURI().getPath(), ex.getRequestHeaders(), body));
            ex.sendResponseHeaders(status, -1);
            ex.close();
        });
        receiver.start();
        receiverUrl = "http://127.0.0.1:" + receiver.getAddress().getPort();
        start(HeyGenSimulator.builder()
                .port(0)
                .renderTime(Duration.ofMillis(100))
                .webhookBackoff(Duration.ofMillis(20))
                .callbackSecret("whsec_test_callback"));
    }

    @AfterEach
    void stopReceiver() {
        receiver.stop(0);
    }

    static String hmac(String secret, byte[] body) {
        return UrlSigner.hmacHex(secret.getBytes(StandardCharsets.UTF_8), body);
    }

    @Test
    void callback_url_and_endpoint_get_signed_events_with_retries() throws Exception {
        Res ep = post(
                "/v3/webhooks/endpoints", "{\"url\":\"" + receiverUrl + "/ep\",\"events\":[\"avatar_video.success\"]}");
        assertSameShape("v3_webhook_endpoint.json", ep.json());
        String secret = (String) ep.data().get("secret");
        assertThat(secret).startsWith("whsec_");
        failuresToSend.set(1); // the first delivery attempt is refused: the simulator must retry
        String id = createV3Video(",\"callback_id\":\"cb-9\",\"callback_url\":\"" + receiverUrl + "/cb\"");
        await(() -> received.size() == 2, Duration.ofSeconds(5));
        for (Delivery d : received) {
            String key = d.path().equals("/cb") ? sim.callbackSecret() : secret;
            assertThat(d.header("Heygen-Signature")).isEqualTo(hmac(key, d.body()));
            assertThat(d.header("Heygen-Timestamp")).matches("\\d+");
            assertThat(d.header("Heygen-Event-Id")).startsWith("evt_");
            Map<String, Object> json = JsonMaps.parseObject(d.body());
            assertSameShape("webhook_success.json", json);
            assertThat(((Map<?, ?>) json.get("event_data")).get("video_id")).isEqualTo(id);
            assertThat(((Map<?, ?>) json.get("event_data")).get("callback_id")).isEqualTo("cb-9");
        }
        // the receiver records a delivery before it answers, so the simulator counts it a moment later
        await(() -> sim.stats().webhooksDelivered() == 2, Duration.ofSeconds(5));
        assertThat(sim.stats().webhookAttempts()).isEqualTo(3);
        Res events = get("/v3/webhooks/events?event_type=avatar_video.success");
        assertThat((List<?>) events.json().get("data")).hasSize(1);
    }

    @Test
    void endpoint_crud_and_rotate_secret() throws Exception {
        Res ep = post("/v3/webhooks/endpoints", "{\"url\":\"https://example.com/h\"}");
        String id = (String) ep.data().get("endpoint_id");
        Res list = get("/v3/webhooks/endpoints");
        assertThat(((Map<?, ?>) ((List<?>) list.json().get("data")).get(0)).get("secret"))
                .isNull();
        Res patched = call("PATCH", "/v3/webhooks/endpoints/" + id, "{\"events\":[\"avatar_video.fail\"]}");
        assertThat(patched.data().get("events")).isEqualTo(List.of("avatar_video.fail"));
        Res rotated = post("/v3/webhooks/endpoints/" + id + "/rotate-secret", null);
        assertThat(rotated.data().get("secret")).isNotEqualTo(ep.data().get("secret"));
        assertThat((List<?>) get("/v3/webhooks/event-types").json().get("data")).isNotEmpty();
        assertThat(call("DELETE", "/v3/webhooks/endpoints/" + id, null).json()).containsEntry("error", null);
        assertThat(call("DELETE", "/v3/webhooks/endpoints/" + id, null).status())
                .isEqualTo(404);
    }

    @Test
    @SuppressWarnings("unchecked")
    void unsigned_badly_signed_dropped_and_fail_event() throws Exception {
        String cb = ",\"callback_url\":\"" + receiverUrl + "/cb\"";
        sim.faults()
                .add(FaultRule.on("WEBHOOK", FaultKind.WEBHOOK_UNSIGNED).calls(1))
                .add(FaultRule.on("WEBHOOK", FaultKind.WEBHOOK_BAD_SIGNATURE).calls(2))
                .add(FaultRule.on("WEBHOOK", FaultKind.WEBHOOK_DROP).calls(3))
                .add(FaultRule.on("POST /v3/videos", FaultKind.FAIL_JOB).calls(4));
        for (int i = 1; i <= 4; i++) {
            createV3Video(cb); // one at a time so the event order is the fault-script order
            long events = i;
            await(
                    () -> sim.stats().webhooksDelivered() + sim.stats().webhooksDropped() == events,
                    Duration.ofSeconds(5));
        }
        await(() -> received.size() == 3, Duration.ofSeconds(5));
        assertThat(received.get(0).header("Heygen-Signature")).isNull();
        assertThat(received.get(1).header("Heygen-Signature"))
                .isNotEqualTo(hmac(sim.callbackSecret(), received.get(1).body()));
        Map<String, Object> fail = JsonMaps.parseObject(received.get(2).body());
        assertThat(fail.get("event_type")).isEqualTo("avatar_video.fail");
        assertThat((Map<String, Object>) fail.get("event_data")).containsKeys("video_id", "msg", "callback_id");
        assertThat(sim.stats().webhooksDropped()).isEqualTo(1);
    }
}
