package dev.avatarkit.did;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.avatarkit.core.domain.AssetKind;
import dev.avatarkit.core.domain.Character;
import dev.avatarkit.core.domain.IdempotencyKey;
import dev.avatarkit.core.domain.ProviderRef;
import dev.avatarkit.core.domain.Scene;
import dev.avatarkit.core.domain.VideoSpec;
import dev.avatarkit.core.domain.Voice;
import dev.avatarkit.core.port.Catalog;
import dev.avatarkit.core.port.ConflictException;
import dev.avatarkit.core.port.NotFoundException;
import dev.avatarkit.core.port.Page;
import dev.avatarkit.core.port.PageRequest;
import dev.avatarkit.core.port.RenderPhase;
import dev.avatarkit.core.port.RenderStatus;
import dev.avatarkit.core.port.Submission;
import dev.avatarkit.core.port.SubmitRequest;
import java.net.URI;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import okhttp3.mockwebserver.RecordedRequest;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/** What the adapter sends to D-ID and how it reads the answers, request by request, against MockWebServer. */
class DidWireTest {
    private static final IdempotencyKey KEY = new IdempotencyKey("ak-01JOBKEY");
    private final DidServer did = new DidServer();

    @AfterEach
    void stop() throws Exception {
        did.close();
    }

    private static SubmitRequest photo(String callback) {
        Scene scene = new Scene(
                new Character.Image("https://assets.example.com/ava.png"),
                Voice.Text.of("Hi Sam, here is your summary.", "en-US-JennyNeural"),
                null);
        return new SubmitRequest(
                new VideoSpec(List.of(scene), null, null, null, false, "weekly", false),
                KEY,
                callback == null ? null : URI.create(callback));
    }

    @Test
    void givenAPhoto_whenSubmitted_thenATalkIsPostedWithTheKeyInUserDataAndNameAndTheKeyHeaderVerbatim()
            throws Exception {
        did.answer(
                201,
                "{\"id\":\"tlk_1\",\"object\":\"talk\",\"created_at\":\"2026-11-30T08:00:00Z\",\"status\":\"created\"}");

        Submission submission = did.videos().submit(photo("https://hooks.example.com/did?token=abc"));

        RecordedRequest request = did.next();
        assertThat(request.getMethod() + " " + request.getPath()).isEqualTo("POST /talks");
        assertThat(request.getHeader("Authorization")).isEqualTo("Basic " + DidServer.KEY);
        Map<String, Object> body = Json.parse(request.getBody().readUtf8());
        assertThat(body.get("source_url")).isEqualTo("https://assets.example.com/ava.png");
        assertThat(body.get("user_data")).isEqualTo(KEY.value());
        assertThat(body.get("name")).isEqualTo(KEY.value());
        assertThat(body.get("webhook")).isEqualTo("https://hooks.example.com/did?token=abc");
        assertThat(body.get("script"))
                .isEqualTo(Map.of(
                        "type",
                        "text",
                        "input",
                        "Hi Sam, here is your summary.",
                        "provider",
                        Map.of("type", "microsoft", "voice_id", "en-US-JennyNeural")));
        assertThat(submission.ref()).isEqualTo(new ProviderRef("talk:tlk_1"));
        assertThat(submission.rawStatus()).isEqualTo("created");
    }

    @Test
    void givenAPlainHttpCallbackAndAnApiOnLoopback_whenSubmitted_thenTheWebhookIsSentAsASimulatorTakesIt()
            throws Exception {
        did.answer(201, "{\"id\":\"tlk_2\",\"status\":\"created\"}");
        did.videos().submit(photo("http://127.0.0.1:8080/webhooks/d-id"));
        assertThat(Json.parse(did.next().getBody().readUtf8()))
                .containsEntry("webhook", "http://127.0.0.1:8080/webhooks/d-id");
    }

    @Test
    void givenAPresenterAndAnElevenLabsVoice_whenSubmitted_thenAClipIsPostedWithThatTtsProvider() throws Exception {
        did.answer(201, "{\"id\":\"clp_9\",\"object\":\"clip\",\"status\":\"created\"}");
        Submission submission = did.videos()
                .submit(new SubmitRequest(
                        VideoSpec.singleAvatar("amy-jcwCkr1grs", "elevenlabs:21m00Tcm4TlvDq8ikWAM", "Hello there"),
                        KEY,
                        null));

        RecordedRequest request = did.next();
        assertThat(request.getPath()).isEqualTo("/clips");
        Map<String, Object> body = Json.parse(request.getBody().readUtf8());
        assertThat(body.get("presenter_id")).isEqualTo("amy-jcwCkr1grs");
        assertThat(((Map<?, ?>) body.get("script")).get("provider"))
                .isEqualTo(Map.of("type", "elevenlabs", "voice_id", "21m00Tcm4TlvDq8ikWAM"));
        assertThat(submission.ref().value()).isEqualTo("clip:clp_9");
    }

    @Test
    void givenABearerScheme_whenCalled_thenTheHeaderUsesItWithTheKeyUnencoded() throws Exception {
        try (DidServer bearer = new DidServer(Map.of(DidPlugin.AUTH_SCHEME, "Bearer"))) {
            bearer.answer(200, DidServer.talk("tlk_1", "started", null));
            bearer.videos().status(new ProviderRef("talk:tlk_1"));
            assertThat(bearer.next().getHeader("Authorization")).isEqualTo("Bearer " + DidServer.KEY);
        }
    }

    @ParameterizedTest
    @CsvSource({"created,PENDING", "started,RUNNING", "error,FAILED", "rejected,REJECTED", "queued-for-gpu,RUNNING"})
    void givenAStatusWord_whenRead_thenItMapsByMeaningAndKeepsTheRawWord(String word, RenderPhase phase) {
        did.answer(200, DidServer.talk("tlk_1", word, null));
        RenderStatus status = did.videos().status(new ProviderRef("talk:tlk_1"));
        assertThat(status.phase()).isEqualTo(phase);
        assertThat(status.rawStatus()).isEqualTo(word);
        assertThat(did.next().getPath()).isEqualTo("/talks/tlk_1");
    }

    @Test
    void givenADoneClip_whenRead_thenItSucceedsWithItsResultUrlAsTheVideo() {
        did.answer(
                200,
                "{\"id\":\"clp_1\",\"status\":\"done\",\"result_url\":\"https://s3.example.com/clp_1.mp4?Signature=s\"}");
        RenderStatus status = did.videos().status(new ProviderRef("clip:clp_1"));
        assertThat(status.phase()).isEqualTo(RenderPhase.SUCCEEDED);
        assertThat(status.result(AssetKind.VIDEO).orElseThrow().url())
                .hasToString("https://s3.example.com/clp_1.mp4?Signature=s");
        assertThat(did.next().getPath()).isEqualTo("/clips/clp_1");
    }

    @Test
    void givenAFailedTalkWithAnErrorObject_whenRead_thenItsKindAndDescriptionAreInTheFailure() {
        did.answer(
                200,
                "{\"id\":\"tlk_1\",\"status\":\"rejected\",\"error\":{\"kind\":\"TextModerationError\",\"description\":\"flagged\"}}");
        RenderStatus status = did.videos().status(new ProviderRef("talk:tlk_1"));
        assertThat(status.failure().code()).isEqualTo("content_rejected");
        assertThat(status.failure().retryable()).isFalse();
        assertThat(status.failure().message()).contains("TextModerationError", "flagged");
    }

    @Test
    void givenDoneWithoutAResultUrl_whenRead_thenItIsAFailureNotASuccessWithNothingToDownload() {
        did.answer(200, DidServer.talk("tlk_1", "done", null));
        assertThat(did.videos().status(new ProviderRef("talk:tlk_1")).phase()).isEqualTo(RenderPhase.FAILED);
    }

    @Test
    void givenARefThisAdapterNeverMade_whenRead_thenNotFoundWithoutAnyRequest() {
        assertThatThrownBy(() -> did.videos().status(new ProviderRef("no-such-render")))
                .isInstanceOf(NotFoundException.class);
        assertThat(did.server.getRequestCount()).isZero();
    }

    @Test
    void givenTheKeyOnTheSecondTalksPage_whenReconciled_thenItIsFoundByNameFollowingTheToken() {
        did.answer(200, "{\"talks\":[" + listed("tlk_a", "other", "2026-11-30T07:58:00Z") + "],\"token\":\"t2\"}");
        did.answer(
                200,
                "{\"talks\":[{\"id\":\"tlk_b\",\"name\":\"" + KEY.value()
                        + "\",\"created_at\":\"2026-11-30T07:57:00\"}],\"token\":\"\"}");

        assertThat(did.videos().reconcile(KEY, DidServer.NOW.minusSeconds(600)))
                .contains(new ProviderRef("talk:tlk_b"));
        assertThat(did.next().getPath()).isEqualTo("/talks?limit=100");
        assertThat(did.next().getPath()).isEqualTo("/talks?limit=100&token=t2");
    }

    @Test
    void givenOnlyOlderTalksAndNoClip_whenReconciled_thenEmptyAfterOnePageEach() {
        did.answer(
                200, "{\"talks\":[" + listed("tlk_old", KEY.value(), "2026-11-29T08:00:00Z") + "],\"token\":\"more\"}");
        did.answer(200, "{\"clips\":[],\"token\":null}");

        assertThat(did.videos().reconcile(KEY, Instant.parse("2026-11-30T07:00:00Z")))
                .isEmpty();
        assertThat(did.next().getPath()).startsWith("/talks");
        assertThat(did.next().getPath()).isEqualTo("/clips?limit=100");
        assertThat(did.server.getRequestCount()).isEqualTo(2);
    }

    @Test
    void givenTheKeyInAClipsUserData_whenReconciled_thenTheClipIsFound() {
        did.answer(200, "{\"talks\":[]}");
        did.answer(
                200,
                "{\"clips\":["
                        + listed("clp_7", "x", "2026-11-30T07:59:00Z")
                                .replace("\"name\"", "\"user_data\":\"" + KEY.value() + "\",\"name\"")
                        + "]}");
        assertThat(did.videos().reconcile(KEY, DidServer.NOW.minusSeconds(60))).contains(new ProviderRef("clip:clp_7"));
    }

    private static String listed(String id, String name, String createdAt) {
        return "{\"id\":\"" + id + "\",\"name\":\"" + name + "\",\"status\":\"done\",\"created_at\":\"" + createdAt
                + "\"}";
    }

    @Test
    void givenARender_whenCanceled_thenItIsDeletedAndAnUnknownOneIsIgnored() {
        did.answer(200, DidServer.talk("tlk_1", "done", null));
        did.answer(404, "{\"kind\":\"NotFoundError\",\"description\":\"talk not found\"}");
        did.videos().cancel(new ProviderRef("talk:tlk_1"));
        did.videos().cancel(new ProviderRef("clip:clp_gone"));
        RecordedRequest first = did.next();
        RecordedRequest second = did.next();
        assertThat(first.getMethod() + " " + first.getPath()).isEqualTo("DELETE /talks/tlk_1");
        assertThat(second.getMethod() + " " + second.getPath()).isEqualTo("DELETE /clips/clp_gone");
    }

    @Test
    void givenARenderStillProcessing_whenCanceled_thenDidsConflictIsReported() {
        did.answer(409, "{\"kind\":\"NotReadyError\",\"description\":\"talk is in process, try again later\"}");
        assertThatThrownBy(() -> did.videos().cancel(new ProviderRef("talk:tlk_1")))
                .isInstanceOf(ConflictException.class)
                .hasMessageContaining("NotReadyError");
    }

    @Test
    void givenPresenters_whenListed_thenOnlyReadyOnesAreAvatarsAndTheTokenIsPassedOn() {
        did.answer(
                200,
                "{\"presenters\":[{\"presenter_id\":\"amy-1\",\"name\":\"Amy\",\"gender\":\"female\",\"thumbnail_url\":"
                        + "\"https://cdn.example.com/amy.jpg\",\"status\":\"done\"},{\"presenter_id\":\"bob-1\",\"status\":\"started\"}],"
                        + "\"token\":\"p2\"}");
        Page<Catalog.Avatar> page = did.videos().avatars(new PageRequest(2, "p1"));
        assertThat(page.items())
                .containsExactly(
                        new Catalog.Avatar("amy-1", "Amy", "female", "presenter", "https://cdn.example.com/amy.jpg"));
        assertThat(page.nextToken()).isEqualTo("p2");
        assertThat(did.next().getPath()).isEqualTo("/clips/presenters?limit=2&token=p1");
    }

    @Test
    void givenTtsVoices_whenListedPageByPage_thenIdsNameTheirProviderAndTokensAdvance() {
        String voices =
                "[{\"id\":\"en-US-JennyNeural\",\"name\":\"Jenny\",\"gender\":\"female\",\"language\":\"English\","
                        + "\"provider\":\"microsoft\"},{\"id\":\"21m\",\"name\":\"Rachel\",\"provider\":\"elevenlabs\","
                        + "\"languages\":[{\"language\":\"English (US)\",\"locale\":\"en-US\"}]}]";
        did.answer(200, voices);
        did.answer(200, voices);
        Page<Catalog.VoiceEntry> first = did.videos().voices(PageRequest.first(1));
        Page<Catalog.VoiceEntry> second = did.videos().voices(new PageRequest(1, first.nextToken()));
        assertThat(first.items())
                .containsExactly(new Catalog.VoiceEntry("microsoft:en-US-JennyNeural", "Jenny", "English", "female"));
        assertThat(second.items())
                .containsExactly(new Catalog.VoiceEntry("elevenlabs:21m", "Rachel", "English (US)", null));
        assertThat(second.hasMore()).isFalse();
    }

    @Test
    void givenCredits_whenTheAccountIsRead_thenRemainingAndPlanAreReported() {
        did.answer(
                200,
                "{\"credits\":[{\"owner_id\":\"o\",\"remaining\":12,\"total\":20,\"plan_group\":\"lite\"}],\"remaining\":12,\"total\":20}");
        assertThat(did.videos().account()).isEqualTo(new Catalog.Account("d-id", "lite", 12, "credits", 3));
    }

    @Test
    void givenNoCreditLines_whenTheAccountIsRead_thenZeroRemainsInsteadOfAnError() {
        did.answer(404, "{\"kind\":\"NotFoundError\",\"description\":\"not credits found for user\"}");
        assertThat(did.videos().account().remaining()).isZero();
    }
}
