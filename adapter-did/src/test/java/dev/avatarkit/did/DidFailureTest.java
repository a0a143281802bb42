package dev.avatarkit.did;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.avatarkit.core.domain.IdempotencyKey;
import dev.avatarkit.core.domain.ProviderRef;
import dev.avatarkit.core.domain.VideoSpec;
import dev.avatarkit.core.port.InsufficientCreditException;
import dev.avatarkit.core.port.InvalidRequestException;
import dev.avatarkit.core.port.NotFoundException;
import dev.avatarkit.core.port.OutcomeUnknownException;
import dev.avatarkit.core.port.ProviderException;
import dev.avatarkit.core.port.ProviderUnavailableException;
import dev.avatarkit.core.port.RateLimitedException;
import dev.avatarkit.core.port.SubmitRequest;
import dev.avatarkit.core.port.UnauthorizedException;
import java.time.Duration;
import java.util.Map;
import okhttp3.mockwebserver.MockResponse;
import okhttp3.mockwebserver.SocketPolicy;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/**
 * How D-ID's failures reach the port: by HTTP status (D-ID has no error codes), with {@code kind} kept; creates are
 * never sent twice after an ambiguous failure; reads are retried, with the sleeps recorded instead of slept.
 */
class DidFailureTest {
    private static final IdempotencyKey KEY = new IdempotencyKey("ak-fail");
    private final DidServer did = new DidServer();

    @AfterEach
    void stop() throws Exception {
        did.close();
    }

    private ProviderException submitFails() {
        SubmitRequest request =
                new SubmitRequest(VideoSpec.singleAvatar("amy-1", "en-US-JennyNeural", "Hello there"), KEY, null);
        try {
            did.videos().submit(request);
        } catch (ProviderException e) {
            return e;
        }
        throw new AssertionError("the submit succeeded");
    }

    @ParameterizedTest(name = "{0} {1}")
    @CsvSource({
        "400, BadRequestError, invalid source url, dev.avatarkit.core.port.InvalidRequestException",
        "401, AuthorizationError, user unauthenticated, dev.avatarkit.core.port.UnauthorizedException",
        "402, InsufficientCreditsError, not enough credits, dev.avatarkit.core.port.InsufficientCreditException",
        "403, PermissionError, user has no permission for stitch, dev.avatarkit.core.port.UnauthorizedException",
        "404, NotFoundError, presenter not found, dev.avatarkit.core.port.NotFoundException",
        "415, UnsupportedMimeTypeError, The provided mime type is not supported, dev.avatarkit.core.port.InvalidRequestException",
        "451, TextModerationError, Automatic content moderation, dev.avatarkit.core.port.ContentRejectedException"
    })
    void givenADidErrorOnCreate_whenSubmitted_thenItMapsByStatusKeepsTheKindAndIsSentOnce(
            int status, String kind, String description, Class<?> type) {
        did.answer(status, "{\"kind\":\"" + kind + "\",\"description\":\"" + description + "\"}");
        ProviderException e = submitFails();
        assertThat(e).isInstanceOf(type);
        assertThat(e.httpStatus()).isEqualTo(status);
        assertThat(e.providerCode()).isEqualTo(kind);
        assertThat(e.getMessage()).contains(description);
        assertThat(e.retryable()).isFalse();
        assertThat(did.server.getRequestCount()).isEqualTo(1);
    }

    @Test
    void givenABadSourceUrl_whenRejected_thenTheParamIsNamed() {
        did.answer(400, "{\"kind\":\"BadRequestError\",\"description\":\"invalid source url\"}");
        assertThat(((InvalidRequestException) submitFails()).param()).isEqualTo("source_url");
    }

    @Test
    void givenModeration_whenRejected_thenItsCodeSaysContentRejected() {
        did.answer(451, "{\"kind\":\"ImageModerationError\",\"description\":\"Automatic content moderation\"}");
        ProviderException e = submitFails();
        assertThat(e.code()).isEqualTo("content_rejected");
        assertThat(((InvalidRequestException) e).param()).isEqualTo("source_url");
    }

    @Test
    void givenTheGateways504WithAPlainBody_whenSubmitted_thenOutcomeUnknownAndNeverResent() {
        did.server.enqueue(
                new MockResponse().setResponseCode(504).setBody("{\"message\": \"Endpoint request timed out\"}"));
        ProviderException e = submitFails();
        assertThat(e)
                .isInstanceOf(OutcomeUnknownException.class)
                .hasMessageContaining("504")
                .hasMessageContaining("timed out");
        assertThat(did.server.getRequestCount()).isEqualTo(1);
        assertThat(did.sleeps).isEmpty();
    }

    @Test
    void givenAnHtml500_whenSubmitted_thenOutcomeUnknownClassifiedByStatusAlone() {
        did.server.enqueue(new MockResponse().setResponseCode(500).setBody("<html>Internal</html>"));
        assertThat(submitFails()).isInstanceOf(OutcomeUnknownException.class);
        assertThat(did.server.getRequestCount()).isEqualTo(1);
    }

    @Test
    void givenAnUnreadable201_whenSubmitted_thenOutcomeUnknown() {
        did.answer(201, "{\"id\":");
        assertThat(submitFails()).isInstanceOf(OutcomeUnknownException.class).hasMessageContaining("201");
    }

    @Test
    void givenA201WithoutAnId_whenSubmitted_thenOutcomeUnknown() {
        did.answer(201, "{\"status\":\"created\"}");
        assertThat(submitFails()).isInstanceOf(OutcomeUnknownException.class);
    }

    @Test
    void givenNoAnswerBeforeTheTimeout_whenSubmitted_thenOutcomeUnknownAndSentOnce() {
        did.server.enqueue(new MockResponse().setSocketPolicy(SocketPolicy.NO_RESPONSE));
        assertThat(submitFails()).isInstanceOf(OutcomeUnknownException.class);
        assertThat(did.server.getRequestCount()).isEqualTo(1);
    }

    @Test
    void givenTheConnectionDropsAfterTheRequest_whenSubmitted_thenOutcomeUnknownAndSentOnce() {
        did.server.enqueue(new MockResponse().setSocketPolicy(SocketPolicy.DISCONNECT_AFTER_REQUEST));
        assertThat(submitFails()).isInstanceOf(OutcomeUnknownException.class);
        assertThat(did.server.getRequestCount()).isEqualTo(1);
    }

    @Test
    void givenA429OnCreate_whenSubmitted_thenItIsResentAfterRetryAfterBecauseNothingWasCreated() {
        did.server.enqueue(new MockResponse().setResponseCode(429).setHeader("Retry-After", "7"));
        did.answer(201, "{\"id\":\"clp_1\",\"status\":\"created\"}");
        assertThat(did.videos()
                        .submit(new SubmitRequest(VideoSpec.singleAvatar("amy-1", "v", "Hello there"), KEY, null))
                        .ref()
                        .value())
                .isEqualTo("clip:clp_1");
        assertThat(did.sleeps).containsExactly(Duration.ofSeconds(7));
        assertThat(did.retries).containsExactly("POST clips rate_limited");
    }

    @Test
    void givenRateLimitsPastTheBudget_whenRead_thenRateLimitedWithTheAskedWait() {
        for (int i = 0; i < 5; i++)
            did.server.enqueue(new MockResponse().setResponseCode(429).setHeader("Retry-After", "3"));
        assertThatThrownBy(() -> did.videos().status(new ProviderRef("talk:tlk_1")))
                .isInstanceOfSatisfying(
                        RateLimitedException.class,
                        e -> assertThat(e.retryAfter()).isEqualTo(Duration.ofSeconds(3)));
        assertThat(did.server.getRequestCount()).isEqualTo(5);
    }

    @Test
    void givenThree5xx_whenAStatusIsRead_thenItIsRetriedWithGrowingBackoffAndSucceeds() {
        did.answer(502, "Bad Gateway");
        did.answer(500, "{\"kind\":\"InternalServerError\",\"description\":\"Stream Error\"}");
        did.answer(503, "");
        did.answer(200, DidServer.talk("tlk_1", "started", null));

        assertThat(did.videos().status(new ProviderRef("talk:tlk_1")).rawStatus())
                .isEqualTo("started");
        assertThat(did.sleeps).containsExactly(Duration.ofMillis(500), Duration.ofSeconds(1), Duration.ofSeconds(2));
        assertThat(did.server.getRequestCount()).isEqualTo(4);
    }

    @Test
    void givenD_idStaysDown_whenRead_thenUnavailableAfterTheRetryBudget() {
        for (int i = 0; i < 5; i++) did.answer(503, "");
        assertThatThrownBy(() -> did.videos().voices(dev.avatarkit.core.port.PageRequest.first(5)))
                .isInstanceOf(ProviderUnavailableException.class)
                .hasMessageContaining("503");
        assertThat(did.server.getRequestCount()).isEqualTo(5);
    }

    @Test
    void givenA404OnRead_whenTheStatusIsRead_thenNotFoundAtOnce() {
        did.answer(404, "{\"kind\":\"NotFoundError\",\"description\":\"talk not found\"}");
        assertThatThrownBy(() -> did.videos().status(new ProviderRef("talk:tlk_x")))
                .isInstanceOf(NotFoundException.class);
        assertThat(did.sleeps).isEmpty();
    }

    @Test
    void givenNothingListens_whenSubmitted_thenUnavailableBecauseNothingWasSent() throws Exception {
        try (DidServer dead = new DidServer(Map.of())) {
            dead.server.shutdown();
            assertThatThrownBy(() -> dead.videos()
                            .submit(new SubmitRequest(VideoSpec.singleAvatar("a", "v", "Hello"), KEY, null)))
                    .isInstanceOf(ProviderUnavailableException.class);
        }
    }

    @Test
    void givenEveryMeaning_whenMapped_thenUnauthorizedAndCreditAreNotRetryable() {
        did.answer(401, "{\"kind\":\"AuthorizationError\",\"description\":\"user unauthenticated\"}");
        did.answer(402, "{\"kind\":\"InsufficientCreditsError\",\"description\":\"not enough credits\"}");
        assertThatThrownBy(() -> did.videos().status(new ProviderRef("talk:t")))
                .isInstanceOf(UnauthorizedException.class)
                .hasMessageContaining("DID_API_KEY");
        assertThatThrownBy(() -> did.videos().account()).isInstanceOf(InsufficientCreditException.class);
        assertThat(did.sleeps).isEmpty();
    }

    @Test
    void givenARunawayAnswer_whenRead_thenItIsCutAtTheCapAndReportedUnreadable() {
        okio.Buffer huge = new okio.Buffer();
        byte[] chunk = new byte[1024 * 1024];
        java.util.Arrays.fill(chunk, (byte) ' ');
        for (int i = 0; i <= DidHttp.MAX_ANSWER_BYTES / chunk.length; i++) huge.write(chunk);
        for (int i = 0; i < 5; i++) did.server.enqueue(new MockResponse().setBody(huge.clone()));
        assertThatThrownBy(() -> did.videos().status(new ProviderRef("talk:tlk_1")))
                .isInstanceOf(ProviderUnavailableException.class)
                .hasMessageContaining("unreadable");
    }

    @Test
    void givenA200ThatIsAnErrorBody_whenAStatusIsRead_thenItIsAnErrorNotARunningRender() {
        did.answer(200, "{\"kind\":\"InternalServerError\",\"description\":\"Stream Error\"}");
        assertThatThrownBy(() -> did.videos().status(new ProviderRef("talk:tlk_1")))
                .isInstanceOf(ProviderUnavailableException.class);
    }
}
