package dev.avatarkit.heygen;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.avatarkit.core.domain.AssetKind;
import dev.avatarkit.core.domain.IdempotencyKey;
import dev.avatarkit.core.domain.IdentitySpec;
import dev.avatarkit.core.domain.ProviderRef;
import dev.avatarkit.core.domain.StillSpec;
import dev.avatarkit.core.influencer.DefaultShots;
import dev.avatarkit.core.port.InvalidRequestException;
import dev.avatarkit.core.port.OutcomeUnknownException;
import dev.avatarkit.core.port.RenderPhase;
import dev.avatarkit.core.port.RenderStatus;
import dev.avatarkit.core.port.ResultFile;
import dev.avatarkit.core.port.Submission;
import java.io.InputStream;
import java.time.Duration;
import java.util.List;
import okhttp3.mockwebserver.MockResponse;
import okhttp3.mockwebserver.RecordedRequest;
import okhttp3.mockwebserver.SocketPolicy;
import org.junit.jupiter.api.Test;

/** The legacy photo-avatar identity flow (reference §8.1) on the wire: generate → wait → group → train; looks on the group. */
class LegacyAvatarWireTest {
    private static final IdempotencyKey KEY = new IdempotencyKey("ak-identity-1");
    private static final IdentitySpec SPEC = new IdentitySpec("Mia", "short black bob, freckles", "25", "woman", null,
            null, List.of(), DefaultShots.first(1));

    private static String gen(String id, String status, boolean images) {
        return "{\"error\":null,\"data\":{\"id\":\"" + id + "\",\"status\":\"" + status + "\",\"msg\":null,"
                + "\"image_url_list\":" + (images ? "[\"URL0\",\"URL1\"]" : "null") + ","
                + "\"image_key_list\":" + (images ? "[\"image/" + id + "_0/original\",\"image/" + id + "_1/original\"]" : "null") + "}}";
    }

    private static String ok(String data) {
        return "{\"error\":null,\"data\":" + data + "}";
    }

    @Test
    void createIdentityGeneratesWaitsCreatesAGroupAndTrainsIt() throws Exception {
        try (Wire w = new Wire(ApiVersion.V2)) {
            w.json(200, ok("{\"generation_id\":\"g1\"}"))
                    .json(200, gen("g1", "in_progress", false))
                    .json(200, gen("g1", "in_progress", false))
                    .json(200, gen("g1", "success", true))
                    .json(200, ok("{\"id\":\"look1\",\"image_url\":\"" + w.url("/look1.png") + "\",\"status\":\"pending\",\"group_id\":\"grp1\"}"))
                    .json(200, ok("{\"flow_id\":\"f1\"}"));

            Submission sub = w.heygen.avatars().createIdentity(KEY, SPEC, List.of());

            assertThat(sub.ref().value()).isEqualTo("group:grp1:g1");
            RecordedRequest photo = w.take();
            assertThat(photo.getPath()).isEqualTo("/v2/photo_avatar/photo/generate");
            assertThat(photo.getBody().readUtf8()).contains("\"age\":\"Young Adult\"", "\"gender\":\"Woman\"",
                    "\"ethnicity\":\"Unspecified\"", "\"style\":\"Realistic\"", "\"appearance\":\"short black bob, freckles\"");
            assertThat(w.take().getPath()).isEqualTo("/v2/photo_avatar/generation/g1");
            assertThat(w.take().getPath()).isEqualTo("/v2/photo_avatar/generation/g1");
            assertThat(w.take().getPath()).isEqualTo("/v2/photo_avatar/generation/g1");
            RecordedRequest group = w.take();
            assertThat(group.getPath()).isEqualTo("/v2/photo_avatar/avatar_group/create");
            assertThat(group.getBody().readUtf8()).contains("\"name\":\"Mia\"", "\"image_key\":\"image/g1_0/original\"",
                    "\"generation_id\":\"g1\"");
            RecordedRequest train = w.take();
            assertThat(train.getPath()).isEqualTo("/v2/photo_avatar/train");
            assertThat(train.getBody().readUtf8()).isEqualTo("{\"group_id\":\"grp1\"}");
            assertThat(w.sleeper.sleeps()).containsExactly(Duration.ofMillis(250), Duration.ofMillis(500));
        }
    }

    @Test
    void generationWaitIsBoundedAndThenTheOutcomeIsUnknownNotRetried() throws Exception {
        try (Wire w = new Wire(ApiVersion.V2)) { // create timeout 2 s in Wire: the wait is bounded by it
            w.json(200, ok("{\"generation_id\":\"g1\"}"));
            for (int i = 0; i < 20; i++) w.json(200, gen("g1", "in_progress", false));

            assertThatThrownBy(() -> w.heygen.avatars().createIdentity(KEY, SPEC, List.of()))
                    .isInstanceOf(OutcomeUnknownException.class).hasMessageContaining("g1");
            long slept = w.sleeper.sleeps().stream().mapToLong(Duration::toMillis).sum();
            assertThat(slept).isEqualTo(2000);
            assertThat(w.server.getRequestCount()).isLessThan(10);
        }
    }

    @Test
    void aDroppedGroupCreateIsOutcomeUnknownAndNeverResent() throws Exception {
        try (Wire w = new Wire(ApiVersion.V2)) {
            w.json(200, ok("{\"generation_id\":\"g1\"}")).json(200, gen("g1", "success", true))
                    .enqueue(new MockResponse().setSocketPolicy(SocketPolicy.DISCONNECT_AFTER_REQUEST));

            assertThatThrownBy(() -> w.heygen.avatars().createIdentity(KEY, SPEC, List.of()))
                    .isInstanceOf(OutcomeUnknownException.class);
            assertThat(w.server.getRequestCount()).isEqualTo(3);
        }
    }

    @Test
    void aTransient503OnTrainIsOutcomeUnknownNamingWhatWasMade() throws Exception {
        try (Wire w = new Wire(ApiVersion.V2)) {
            w.json(200, ok("{\"generation_id\":\"g1\"}")).json(200, gen("g1", "success", true))
                    .json(200, ok("{\"id\":\"look1\",\"group_id\":\"grp1\"}"))
                    .json(503, "{\"error\":{\"code\":\"internal_error\",\"message\":\"busy\"},\"data\":null}");

            assertThatThrownBy(() -> w.heygen.avatars().createIdentity(KEY, SPEC, List.of()))
                    .isInstanceOf(OutcomeUnknownException.class).hasMessageContaining("grp1");
            assertThat(w.server.getRequestCount()).isEqualTo(4);
        }
    }

    @Test
    void aDefinitelyRefusedGroupCreateKeepsItsMappedException() throws Exception {
        try (Wire w = new Wire(ApiVersion.V2)) {
            w.json(200, ok("{\"generation_id\":\"g1\"}")).json(200, gen("g1", "success", true))
                    .json(400, "{\"error\":{\"code\":\"invalid_parameter\",\"message\":\"image_key is invalid\"},\"data\":null}");

            assertThatThrownBy(() -> w.heygen.avatars().createIdentity(KEY, SPEC, List.of()))
                    .isInstanceOf(InvalidRequestException.class);
            assertThat(w.server.getRequestCount()).isEqualTo(3);
        }
    }

    @Test
    void aFailedGenerationFailsTheIdentityWithoutCreatingAGroup() throws Exception {
        try (Wire w = new Wire(ApiVersion.V2)) {
            w.json(200, ok("{\"generation_id\":\"g1\"}")).json(200, gen("g1", "failed", false));

            assertThatThrownBy(() -> w.heygen.avatars().createIdentity(KEY, SPEC, List.of()))
                    .isInstanceOf(InvalidRequestException.class);
            assertThat(w.server.getRequestCount()).isEqualTo(2);
        }
    }

    @Test
    void identityStatusMapsTrainingAndGivesTheGroupImageWhenReady() throws Exception {
        try (Wire w = new Wire(ApiVersion.V2)) {
            ProviderRef ref = new ProviderRef("group:grp1:g1");
            w.json(200, ok("{\"status\":\"training\",\"error_msg\":null}"));
            assertThat(w.heygen.avatars().status(ref).phase()).isEqualTo(RenderPhase.RUNNING);
            assertThat(w.take().getPath()).isEqualTo("/v2/photo_avatar/train/status/grp1");

            w.json(200, ok("{\"status\":\"ready\",\"error_msg\":null}")).json(200, gen("g1", "success", true)
                    .replace("URL0", w.url("/g1_0.png")));
            RenderStatus ready = w.heygen.avatars().status(ref);
            assertThat(ready.phase()).isEqualTo(RenderPhase.SUCCEEDED);
            assertThat(ready.result(AssetKind.STILL).orElseThrow().url().toString()).isEqualTo(w.url("/g1_0.png"));

            w.json(200, ok("{\"status\":\"failed\",\"error_msg\":\"bad photo\"}"));
            RenderStatus failed = w.heygen.avatars().status(ref);
            assertThat(failed.phase()).isEqualTo(RenderPhase.FAILED);
            assertThat(failed.failure().message()).contains("bad photo");
        }
    }

    @Test
    void stillsGenerateLooksOnTheIdentitysGroupAndPollTheirGeneration() throws Exception {
        try (Wire w = new Wire(ApiVersion.V2)) {
            StillSpec still = new StillSpec("Mia", DefaultShots.first(1).shots().get(0), "smiling in a cafe", "group:grp1:g1");
            w.json(200, ok("{\"generation_id\":\"g2\"}"));
            Submission sub = w.heygen.avatars().generateStill(KEY, still);
            assertThat(sub.ref().value()).isEqualTo("gen:g2");
            RecordedRequest look = w.take();
            assertThat(look.getPath()).isEqualTo("/v2/photo_avatar/look/generate");
            assertThat(look.getBody().readUtf8()).contains("\"group_id\":\"grp1\"", "\"prompt\":\"smiling in a cafe\"");

            w.json(200, gen("g2", "in_progress", false));
            assertThat(w.heygen.avatars().status(sub.ref()).phase()).isEqualTo(RenderPhase.RUNNING);
            assertThat(w.take().getPath()).isEqualTo("/v2/photo_avatar/generation/g2");
            w.json(200, gen("g2", "success", true).replace("URL0", w.url("/g2_0.png")));
            RenderStatus done = w.heygen.avatars().status(sub.ref());
            assertThat(done.phase()).isEqualTo(RenderPhase.SUCCEEDED);
            assertThat(done.result(AssetKind.STILL).orElseThrow().url().toString()).isEqualTo(w.url("/g2_0.png"));
        }
    }

    @Test
    void downloadOfTheIdentityStillRefreshesThroughTheGroupRef() throws Exception {
        try (Wire w = new Wire(ApiVersion.V2)) {
            ProviderRef ref = new ProviderRef("group:grp1:g1");
            w.enqueue(new MockResponse().setResponseCode(403).setBody("<Error>expired</Error>"))
                    .json(200, ok("{\"status\":\"ready\",\"error_msg\":null}"))
                    .json(200, gen("g1", "success", true).replace("URL0", w.url("/fresh.png")))
                    .enqueue(new MockResponse().setBody("PNGDATA"));
            try (InputStream in = w.heygen.avatars().download(ref,
                    new ResultFile(AssetKind.STILL, java.net.URI.create(w.url("/stale.png"))))) {
                assertThat(new String(in.readAllBytes())).isEqualTo("PNGDATA");
            }
            assertThat(w.take().getPath()).isEqualTo("/stale.png");
            assertThat(w.take().getPath()).isEqualTo("/v2/photo_avatar/train/status/grp1");
            assertThat(w.take().getPath()).isEqualTo("/v2/photo_avatar/generation/g1");
            assertThat(w.take().getPath()).isEqualTo("/fresh.png");
        }
    }

    @Test
    void attributesMapToTheDocumentedEnums() {
        assertThat(LegacyEnums.age("25")).isEqualTo("Young Adult");
        assertThat(LegacyEnums.age("42 years")).isEqualTo("Early Middle Age");
        assertThat(LegacyEnums.age("senior")).isEqualTo("Senior");
        assertThat(LegacyEnums.age("late middle age")).isEqualTo("Late Middle Age");
        assertThat(LegacyEnums.age(null)).isEqualTo("Unspecified");
        assertThat(LegacyEnums.gender("female")).isEqualTo("Woman");
        assertThat(LegacyEnums.gender("MAN")).isEqualTo("Man");
        assertThat(LegacyEnums.gender("nonbinary")).isEqualTo("Unspecified");
        assertThat(LegacyEnums.ethnicity("east asian")).isEqualTo("East Asian");
        assertThat(LegacyEnums.ethnicity("latina")).isEqualTo("Hispanic");
        assertThat(LegacyEnums.style(null)).isEqualTo("Realistic");
        assertThat(LegacyEnums.style("pixar")).isEqualTo("Pixar");
        assertThat(LegacyEnums.style("watercolor")).isEqualTo("Unspecified");
    }
}
