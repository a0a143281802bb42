package dev.avatarkit.did;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.sun.net.httpserver.HttpServer;
import dev.avatarkit.core.domain.AssetKind;
import dev.avatarkit.core.domain.Character;
import dev.avatarkit.core.domain.IdempotencyKey;
import dev.avatarkit.core.domain.ProviderRef;
import dev.avatarkit.core.domain.Scene;
import dev.avatarkit.core.domain.VideoSpec;
import dev.avatarkit.core.domain.Voice;
import dev.avatarkit.core.port.ContentRejectedException;
import dev.avatarkit.core.port.OutcomeUnknownException;
import dev.avatarkit.core.port.ProviderEvent;
import dev.avatarkit.core.port.RenderPhase;
import dev.avatarkit.core.port.RenderStatus;
import dev.avatarkit.core.port.SubmitRequest;
import dev.avatarkit.core.port.UnauthorizedException;
import dev.avatarkit.core.port.VideoProvider;
import dev.avatarkit.core.spi.Provider;
import dev.avatarkit.core.spi.ProviderContext;
import dev.avatarkit.didsim.DidSimulator;
import dev.avatarkit.didsim.FaultKind;
import dev.avatarkit.didsim.FaultRule;
import dev.avatarkit.testkit.provider.VideoProviderContract;
import java.io.InputStream;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.URI;
import java.time.Duration;
import java.time.Instant;
import java.time.InstantSource;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;
import java.util.concurrent.BlockingQueue;
import java.util.concurrent.LinkedBlockingQueue;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/**
 * The adapter against the D-ID simulator, which shares no code with it: where one of them misreads D-ID's OpenAPI,
 * the two disagree here. First testkit's {@link VideoProviderContract} (inherited), then D-ID's own hazards: talks
 * from photos, ambiguous creates, moderation, expired links. One class, so the simulator's schema loads once per JVM.
 * Renders progress on a hand-moved clock, so nothing waits on wall time.
 */
class DidSimulatorIT extends VideoProviderContract {
    private static final Duration RENDER = Duration.ofSeconds(3);
    private static final Duration STEP = Duration.ofMillis(500);

    private volatile Instant now = Instant.now();
    private DidSimulator sim;
    private Provider did;

    @BeforeEach
    void start() {
        InstantSource clock = () -> now;
        sim = DidSimulator.builder().clock(clock).renderTime(RENDER).build().start();
        did = open(sim.apiKey());
    }

    private Provider open(String key) {
        Map<String, String> settings = Map.of(DidPlugin.BASE_URL, sim.baseUrl(), DidPlugin.API_KEY, key);
        return new DidPlugin().open(name -> Optional.ofNullable(settings.get(name)), "", ProviderContext.system());
    }

    @AfterEach
    void stop() {
        try {
            assertThat(sim.stats().schemaViolations())
                    .as("requests that break D-ID's published schema")
                    .isZero();
            assertThat(sim.stats().duplicateCreates())
                    .as("renders created twice for one key")
                    .isZero();
        } finally {
            did.close();
            sim.close();
        }
    }

    private VideoProvider videos() {
        return did.videos().orElseThrow();
    }

    @Override
    protected VideoProvider provider() {
        return videos();
    }

    /** The clock starts at the wall clock's now, so the contract's {@code Instant.now()}-based windows hold. */
    @Override
    protected void letRendersProgress() {
        now = now.plus(STEP);
    }

    private static SubmitRequest photoTalk(IdempotencyKey key) {
        Scene scene = new Scene(
                new Character.Image("https://assets.example.com/identities/ava/base.png"),
                Voice.Text.of("Hello from a talking photo.", "en-US-JennyNeural"),
                null);
        return new SubmitRequest(new VideoSpec(List.of(scene), null, null, null, false, null, false), key, null);
    }

    private static IdempotencyKey key() {
        return new IdempotencyKey("it-" + UUID.randomUUID());
    }

    private RenderStatus finish(ProviderRef ref) {
        now = now.plus(RENDER.plusSeconds(1));
        return videos().status(ref);
    }

    @Test
    void givenAPhoto_whenTalked_thenTheTalkRendersAndItsVideoDownloads() throws Exception {
        ProviderRef ref = videos().submit(photoTalk(key())).ref();
        assertThat(ref.value()).startsWith("talk:tlk_");
        RenderStatus done = finish(ref);
        assertThat(done.phase()).isEqualTo(RenderPhase.SUCCEEDED);
        try (InputStream in =
                videos().download(ref, done.result(AssetKind.VIDEO).orElseThrow())) {
            assertThat(in.readAllBytes()).hasSizeGreaterThan(100);
        }
    }

    @Test
    void givenTheGatewayTimesOutAfterTheTalkWasCreated_whenSubmitted_thenOutcomeUnknownAndReconcileAdoptsIt() {
        sim.faults()
                .add(FaultRule.on("POST /talks", FaultKind.GATEWAY_TIMEOUT_AFTER_COMMIT)
                        .next(1));
        IdempotencyKey key = key();
        assertThatThrownBy(() -> videos().submit(photoTalk(key))).isInstanceOf(OutcomeUnknownException.class);

        Optional<ProviderRef> found = videos().reconcile(key, now.minusSeconds(60));
        assertThat(found).isPresent();
        assertThat(finish(found.get()).phase()).isEqualTo(RenderPhase.SUCCEEDED);
        assertThat(sim.stats().createsFor(key.value())).isEqualTo(1);
    }

    @Test
    void givenTheGatewayTimesOutBeforeCreating_whenSubmitted_thenOutcomeUnknownAndReconcileFindsNothing() {
        sim.faults().add(FaultRule.on("POST /talks", FaultKind.GATEWAY_TIMEOUT).next(1));
        IdempotencyKey key = key();
        assertThatThrownBy(() -> videos().submit(photoTalk(key))).isInstanceOf(OutcomeUnknownException.class);
        assertThat(videos().reconcile(key, now.minusSeconds(60))).isEmpty();
        assertThat(sim.stats().createsFor(key.value())).isZero();
    }

    @Test
    void givenModeration_whenSubmittedOrRendered_thenContentRejectedAndARejectedRender() {
        sim.faults().add(FaultRule.on("POST /talks", FaultKind.MODERATION).next(1));
        assertThatThrownBy(() -> videos().submit(photoTalk(key()))).isInstanceOf(ContentRejectedException.class);

        sim.faults().add(FaultRule.on("POST /talks", FaultKind.REJECT_RENDER).next(1));
        ProviderRef ref = videos().submit(photoTalk(key())).ref();
        RenderStatus rejected = finish(ref);
        assertThat(rejected.phase()).isEqualTo(RenderPhase.REJECTED);
        assertThat(rejected.failure().retryable()).isFalse();
    }

    @Test
    void givenAnExpiredLink_whenDownloaded_thenAFreshOneIsFetchedFromTheTalk() throws Exception {
        ProviderRef ref = videos().submit(photoTalk(key())).ref();
        RenderStatus done = finish(ref);
        sim.faults()
                .add(FaultRule.on("GET /_sim/s3/{*key}", FaultKind.EXPIRED_URL).next(1));
        long readsBefore = sim.stats().requests("GET /talks/{id}");
        try (InputStream in =
                videos().download(ref, done.result(AssetKind.VIDEO).orElseThrow())) {
            assertThat(in.readAllBytes()).hasSizeGreaterThan(100);
        }
        assertThat(sim.stats().requests("GET /talks/{id}")).isEqualTo(readsBefore + 1);
    }

    @Test
    void givenAWrongKey_whenCalled_thenUnauthorizedAndTheKeyIsNotInTheMessage() {
        String wrong = "wrong-user:wrong-pass";
        try (Provider bad = open(wrong)) {
            assertThatThrownBy(() -> bad.videos().orElseThrow().status(new ProviderRef("talk:tlk_x")))
                    .isInstanceOf(UnauthorizedException.class)
                    .satisfies(e -> assertThat(e.getMessage()).doesNotContain(wrong));
        }
    }

    @Test
    void givenAWebhook_whenTheTalkFinishes_thenTheSimulatorsDeliveryBecomesAHintForThatJob() throws Exception {
        BlockingQueue<byte[]> deliveries = new LinkedBlockingQueue<>(8);
        HttpServer receiver = HttpServer.create(new InetSocketAddress(InetAddress.getLoopbackAddress(), 0), 8);
        receiver.createContext("/webhooks/d-id", exchange -> {
            deliveries.offer(exchange.getRequestBody().readAllBytes());
            exchange.sendResponseHeaders(204, -1);
            exchange.close();
        });
        receiver.start();
        try {
            IdempotencyKey key = key();
            URI hook = URI.create("http://127.0.0.1:" + receiver.getAddress().getPort() + "/webhooks/d-id");
            ProviderRef ref = videos().submit(new SubmitRequest(photoTalk(key).spec(), key, hook))
                    .ref();
            finish(ref);
            byte[] body = deliveries.poll(20, TimeUnit.SECONDS);
            assertThat(body).as("the simulator's webhook delivery").isNotNull();
            ProviderEvent event = did.events().orElseThrow().verify(Map.of(), body);
            assertThat(event.correlationId()).isEqualTo(key.value());
            assertThat(event.providerRef()).isEqualTo(ref.value());
        } finally {
            receiver.stop(0);
        }
    }
}
