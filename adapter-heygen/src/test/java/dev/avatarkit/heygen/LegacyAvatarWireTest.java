package dev.avatarkit.heygen;

import static org.assertj.core.api.Assertions.assertThat;

import dev.avatarkit.core.domain.AssetKind;
import dev.avatarkit.core.domain.IdempotencyKey;
import dev.avatarkit.core.domain.IdentitySpec;
import dev.avatarkit.core.domain.ProviderRef;
import dev.avatarkit.core.domain.StillSpec;
import dev.avatarkit.core.influencer.DefaultShots;
import dev.avatarkit.core.port.RenderPhase;
import dev.avatarkit.core.port.RenderStatus;
import dev.avatarkit.core.port.ResultFile;
import dev.avatarkit.core.port.Submission;
import java.io.InputStream;
import java.util.List;
import okhttp3.mockwebserver.MockResponse;
import okhttp3.mockwebserver.RecordedRequest;
import okhttp3.mockwebserver.SocketPolicy;
import org.junit.jupiter.api.Test;

/** The legacy photo-avatar identity flow (reference §8.1) on the wire, phase by phase: generate → group → train; looks on the group. */
class LegacyAvatarWireTest {
    private static final IdempotencyKey KEY = new IdempotencyKey("ak-identity-1");
    private static final IdentitySpec SPEC = new IdentitySpec(
            "Mia", "short black bob, freckles", "25", "woman", null, null, List.of(), DefaultShots.first(1));

    private static String gen(String id, String status, boolean images) {
        return "{\"error\":null,\"data\":{\"id\":\"" + id + "\",\"status\":\"" + status + "\",\"msg\":null,"
                + "\"image_url_list\":" + (images ? "[\"URL0\",\"URL1\"]" : "null") + ","
                + "\"image_key_list\":"
                + (images ? "[\"image/" + id + "_0/original\",\"image/" + id + "_1/original\"]" : "null") + "}}";
    }

    private static String ok(String data) {
        return "{\"error\":null,\"data\":" + data + "}";
    }

    private static final String GROUP_MADE =
            "{\"error\":null,\"data\":{\"id\":\"look1\",\"status\":\"pending\",\"group_id\":\"grp1\"}}";

    @Test
    void createIdentityStartsTheGenerationAndReturnsAtOnceWithoutSleeping() throws Exception {
        try (Wire w = new Wire(ApiVersion.V2)) {
            w.json(200, ok("{\"generation_id\":\"g1\"}"));

            Submission sub = w.heygen.avatars().createIdentity(KEY, SPEC, List.of());

            assertThat(sub.ref().value()).isEqualTo("photo:g1:Mia");
            assertThat(sub.rawStatus()).isEqualTo("generating");
            RecordedRequest photo = w.take();
            assertThat(photo.getPath()).isEqualTo("/v2/photo_avatar/photo/generate");
            assertThat(photo.getBody().readUtf8())
                    .contains(
                            "\"age\":\"Young Adult\"",
                            "\"gender\":\"Woman\"",
                            "\"ethnicity\":\"Unspecified\"",
                            "\"style\":\"Realistic\"",
                            "\"appearance\":\"short black bob, freckles\"");
            assertThat(w.server.getRequestCount()).isEqualTo(1);
            assertThat(w.sleeper.sleeps()).isEmpty();
        }
    }

    @Test
    void statusPollsTheGenerationThenCreatesTheGroupTrainsItAndMovesToTheGroupRef() throws Exception {
        try (Wire w = new Wire(ApiVersion.V2)) {
            w.json(200, gen("g1", "in_progress", false))
                    .json(200, gen("g1", "success", true))
                    .json(200, GROUP_MADE)
                    .json(200, ok("{\"flow_id\":\"f1\"}"));
            ProviderRef photo = new ProviderRef("photo:g1:Mia");

            RenderStatus generating = w.heygen.avatars().status(photo);
            RenderStatus training = w.heygen.avatars().status(photo);

            assertThat(generating.phase()).isEqualTo(RenderPhase.RUNNING);
            assertThat(generating.successor()).isNull();
            assertThat(training.phase()).isEqualTo(RenderPhase.RUNNING);
            assertThat(training.rawStatus()).isEqualTo("training");
            assertThat(training.successor()).isEqualTo(new ProviderRef("group:grp1:g1"));
            assertThat(w.take().getPath()).isEqualTo("/v2/photo_avatar/generation/g1");
            assertThat(w.take().getPath()).isEqualTo("/v2/photo_avatar/generation/g1");
            RecordedRequest group = w.take();
            assertThat(group.getPath()).isEqualTo("/v2/photo_avatar/avatar_group/create");
            assertThat(group.getBody().readUtf8())
                    .contains("\"name\":\"Mia\"", "\"image_key\":\"image/g1_0/original\"", "\"generation_id\":\"g1\"");
            RecordedRequest train = w.take();
            assertThat(train.getPath()).isEqualTo("/v2/photo_avatar/train");
            assertThat(train.getBody().readUtf8()).isEqualTo("{\"group_id\":\"grp1\"}");
            assertThat(w.sleeper.sleeps()).isEmpty();
        }
    }

    @Test
    void aDroppedGroupCreateFailsTheIdentityAsOutcomeUnknownAndIsNeverResent() throws Exception {
        try (Wire w = new Wire(ApiVersion.V2)) {
            w.json(200, gen("g1", "success", true))
                    .enqueue(new MockResponse().setSocketPolicy(SocketPolicy.DISCONNECT_AFTER_REQUEST));

            RenderStatus status = w.heygen.avatars().status(new ProviderRef("photo:g1:Mia"));

            assertThat(status.phase()).isEqualTo(RenderPhase.FAILED);
            assertThat(status.failure().code()).isEqualTo("outcome_unknown");
            assertThat(status.failure().message()).contains("g1", "not repeated");
            assertThat(w.server.getRequestCount()).isEqualTo(2);
        }
    }

    @Test
    void aTransient503OnTrainKeepsTheUntrainedGroupAndTheNextPollTrainsIt() throws Exception {
        try (Wire w = new Wire(ApiVersion.V2)) {
            w.json(200, gen("g1", "success", true))
                    .json(200, GROUP_MADE)
                    .json(503, "{\"error\":{\"code\":\"internal_error\",\"message\":\"busy\"},\"data\":null}")
                    .json(200, ok("{\"flow_id\":\"f1\"}"));

            RenderStatus first = w.heygen.avatars().status(new ProviderRef("photo:g1:Mia"));
            RenderStatus second = w.heygen.avatars().status(first.successor());

            assertThat(first.phase()).isEqualTo(RenderPhase.RUNNING);
            assertThat(first.successor()).isEqualTo(new ProviderRef("untrained:grp1:g1"));
            assertThat(second.successor()).isEqualTo(new ProviderRef("group:grp1:g1"));
            assertThat(w.server.getRequestCount()).isEqualTo(4);
        }
    }

    @Test
    void aDefinitelyRefusedGroupCreateFailsTheIdentityWithItsReason() throws Exception {
        try (Wire w = new Wire(ApiVersion.V2)) {
            w.json(200, gen("g1", "success", true))
                    .json(
                            400,
                            "{\"error\":{\"code\":\"invalid_parameter\",\"message\":\"image_key is invalid\"},\"data\":null}");

            RenderStatus status = w.heygen.avatars().status(new ProviderRef("photo:g1:Mia"));

            assertThat(status.phase()).isEqualTo(RenderPhase.FAILED);
            assertThat(status.failure().message()).contains("image_key is invalid");
            assertThat(w.server.getRequestCount()).isEqualTo(2);
        }
    }

    @Test
    void aFailedGenerationFailsTheIdentityWithoutCreatingAGroup() throws Exception {
        try (Wire w = new Wire(ApiVersion.V2)) {
            w.json(200, gen("g1", "failed", false));

            RenderStatus status = w.heygen.avatars().status(new ProviderRef("photo:g1:Mia"));

            assertThat(status.phase()).isEqualTo(RenderPhase.FAILED);
            assertThat(status.failure().code()).isEqualTo("generation_failed");
            assertThat(w.server.getRequestCount()).isEqualTo(1);
        }
    }

    @Test
    void identityStatusMapsTrainingAndGivesTheGroupImageWhenReady() throws Exception {
        try (Wire w = new Wire(ApiVersion.V2)) {
            ProviderRef ref = new ProviderRef("group:grp1:g1");
            w.json(200, ok("{\"status\":\"training\",\"error_msg\":null}"));
            assertThat(w.heygen.avatars().status(ref).phase()).isEqualTo(RenderPhase.RUNNING);
            assertThat(w.take().getPath()).isEqualTo("/v2/photo_avatar/train/status/grp1");

            w.json(200, ok("{\"status\":\"ready\",\"error_msg\":null}"))
                    .json(200, gen("g1", "success", true).replace("URL0", w.url("/g1_0.png")));
            RenderStatus ready = w.heygen.avatars().status(ref);
            assertThat(ready.phase()).isEqualTo(RenderPhase.SUCCEEDED);
            assertThat(ready.result(AssetKind.STILL).orElseThrow().url().toString())
                    .isEqualTo(w.url("/g1_0.png"));

            w.json(200, ok("{\"status\":\"failed\",\"error_msg\":\"bad photo\"}"));
            RenderStatus failed = w.heygen.avatars().status(ref);
            assertThat(failed.phase()).isEqualTo(RenderPhase.FAILED);
            assertThat(failed.failure().message()).contains("bad photo");
        }
    }

    @Test
    void stillsGenerateLooksOnTheIdentitysGroupAndPollTheirGeneration() throws Exception {
        try (Wire w = new Wire(ApiVersion.V2)) {
            StillSpec still =
                    new StillSpec("Mia", DefaultShots.first(1).shots().get(0), "smiling in a cafe", "group:grp1:g1");
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
            assertThat(done.result(AssetKind.STILL).orElseThrow().url().toString())
                    .isEqualTo(w.url("/g2_0.png"));
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
            try (InputStream in = w.heygen
                    .avatars()
                    .download(ref, new ResultFile(AssetKind.STILL, java.net.URI.create(w.url("/stale.png"))))) {
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
