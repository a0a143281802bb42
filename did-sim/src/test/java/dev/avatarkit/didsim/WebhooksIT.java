package dev.avatarkit.didsim;

import static org.assertj.core.api.Assertions.assertThat;

import com.sun.net.httpserver.HttpServer;
import java.io.IOException;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.util.concurrent.BlockingQueue;
import java.util.concurrent.LinkedBlockingQueue;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import tools.jackson.databind.JsonNode;

class WebhooksIT {
    @RegisterExtension
    final SimFixture fx = new SimFixture();

    private final BlockingQueue<JsonNode> received = new LinkedBlockingQueue<>(100);
    private HttpServer receiver;

    @BeforeEach
    void startReceiver() throws IOException {
        receiver = HttpServer.create(new InetSocketAddress(InetAddress.getLoopbackAddress(), 0), 16);
        receiver.createContext("/hook", ex -> {
            try (ex) {
                received.offer(SimJson.parse(ex.getRequestBody().readAllBytes()));
                ex.sendResponseHeaders(200, -1);
            }
        });
        receiver.start();
    }

    @AfterEach
    void stopReceiver() {
        receiver.stop(0);
    }

    private String talkWithWebhook(String userData) {
        String body = Bodies.talk(userData)
                .replace(
                        "\"name\"",
                        "\"webhook\":\"http://127.0.0.1:"
                                + receiver.getAddress().getPort() + "/hook?token=t1\",\"name\"");
        DidClient.Answer a = fx.client().post("/talks", body);
        assertThat(a.status()).as(a.text()).isEqualTo(201);
        return a.json().get("id").asString();
    }

    /** Waits for a delivery, with a deadline far above the ~10 ms tick: what is asserted is the body, not the time. */
    private JsonNode next() throws InterruptedException {
        return received.poll(10, TimeUnit.SECONDS);
    }

    @Test
    void givenALoopbackWebhook_whenTheTalkIsDone_thenItsJsonIsPostedOnce_withUserData() throws Exception {
        String id = talkWithWebhook("ak:hook");
        fx.finishRenders();
        JsonNode hook = next();
        assertThat(hook).isNotNull();
        assertThat(hook.get("id").asString()).isEqualTo(id);
        assertThat(hook.get("status").asString()).isEqualTo("done");
        assertThat(hook.get("user_data").asString()).isEqualTo("ak:hook");
        String second = talkWithWebhook("ak:hook-2");
        fx.finishRenders();
        assertThat(next().get("id").asString())
                .as("the first talk's hook came once, so the next is the second's")
                .isEqualTo(second);
    }

    @Test
    void givenADuplicateFault_thenTheHookComesTwice_andADropFaultSendsNone() throws Exception {
        fx.sim()
                .faults()
                .add(FaultRule.on("POST /talks", FaultKind.WEBHOOK_DUPLICATE).next(1));
        String dup = talkWithWebhook("ak:dup");
        fx.finishRenders();
        assertThat(next().get("id").asString()).isEqualTo(dup);
        assertThat(next().get("id").asString()).isEqualTo(dup);

        fx.sim()
                .faults()
                .add(FaultRule.on("POST /talks", FaultKind.WEBHOOK_DROP).next(1));
        talkWithWebhook("ak:dropped");
        String after = talkWithWebhook("ak:after");
        fx.finishRenders();
        assertThat(next().get("id").asString()).isEqualTo(after);
        assertThat(fx.sim().stats().webhooks("dropped")).isEqualTo(1);
    }

    @Test
    void givenALateFault_theHookStillComes_afterAPollHasSeenDone() throws Exception {
        fx.sim()
                .faults()
                .add(FaultRule.on("POST /talks", FaultKind.WEBHOOK_LATE)
                        .delayMs(300)
                        .next(1));
        String id = talkWithWebhook("ak:late");
        fx.finishRenders();
        assertThat(fx.client().get("/talks/" + id).json().get("status").asString())
                .isEqualTo("done");
        assertThat(next().get("id").asString()).isEqualTo(id);
    }

    @Test
    void anHttpWebhookOffThisMachineIsStillRefused() {
        DidClient.Answer a = fx.client()
                .post(
                        "/talks",
                        Bodies.talk("ak:x")
                                .replace("\"name\"", "\"webhook\":\"http://hooks.example.com/did\",\"name\""));
        assertThat(a.status()).isEqualTo(400);
        assertThat(a.json().get("details").get("field").asString()).isEqualTo("webhook");
    }
}
