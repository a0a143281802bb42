package dev.avatarkit.heygen;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.avatarkit.core.domain.Background;
import dev.avatarkit.core.domain.Character;
import dev.avatarkit.core.domain.Dimension;
import dev.avatarkit.core.domain.IdempotencyKey;
import dev.avatarkit.core.domain.IdentitySpec;
import dev.avatarkit.core.domain.Scene;
import dev.avatarkit.core.domain.StillSpec;
import dev.avatarkit.core.domain.TemplateSpec;
import dev.avatarkit.core.domain.TemplateVariable;
import dev.avatarkit.core.domain.VideoSpec;
import dev.avatarkit.core.domain.Voice;
import dev.avatarkit.core.influencer.DefaultShots;
import dev.avatarkit.core.port.InvalidRequestException;
import dev.avatarkit.core.port.OutcomeUnknownException;
import dev.avatarkit.core.port.Submission;
import dev.avatarkit.core.port.SubmitRequest;
import java.io.ByteArrayInputStream;
import java.util.List;
import java.util.Map;
import okhttp3.mockwebserver.RecordedRequest;
import org.junit.jupiter.api.Test;

/** Issue 18, items 1–6: what the adapter puts on the wire where HeyGen's published schema is stricter than we were. */
class FidelityWireTest {
    private static final IdempotencyKey KEY = new IdempotencyKey("ak-fid-1");
    private static final String V3_VIDEO = "{\"data\":{\"video_id\":\"vid9\",\"status\":\"waiting\"}}";

    private static VideoSpec twoScenes(Background second) {
        return new VideoSpec(
                List.of(
                        new Scene(Character.Avatar.of("a"), Voice.Text.of("one", "v"), new Background.Color("#112233")),
                        new Scene(Character.Avatar.of("b"), Voice.Text.of("two", "v"), second)),
                null,
                null,
                null,
                false,
                null,
                false);
    }

    @Test
    void givenAMultiSceneColourBackground_whenSentOnV3_thenItIsColorNotValue() throws Exception {
        try (Wire w = new Wire(ApiVersion.V3)) {
            w.json(200, V3_VIDEO);
            w.heygen.videos().submit(new SubmitRequest(twoScenes(new Background.Color("#445566")), KEY, null));
            String body = w.take().getBody().readUtf8();
            // key order inside a background is not fixed (Map.of), so look for the pieces
            assertThat(body)
                    .contains("\"color\":\"#112233\"", "\"color\":\"#445566\"", "\"type\":\"color\"")
                    .doesNotContain("\"value\"");
        }
    }

    @Test
    void givenASingleSceneColourBackground_whenSentOnV3_thenItKeepsValue() throws Exception {
        try (Wire w = new Wire(ApiVersion.V3)) {
            w.json(200, V3_VIDEO);
            VideoSpec spec = new VideoSpec(
                    List.of(new Scene(
                            Character.Avatar.of("a"), Voice.Text.of("one", "v"), new Background.Color("#112233"))),
                    null,
                    null,
                    null,
                    false,
                    null,
                    false);
            w.heygen.videos().submit(new SubmitRequest(spec, KEY, null));
            assertThat(w.take().getBody().readUtf8())
                    .contains("\"value\":\"#112233\"", "\"type\":\"color\"")
                    .doesNotContain("\"color\":\"#");
        }
    }

    @Test
    void givenAMultiSceneImageBackground_whenSubmittedOnV3_thenRefusedBeforeSending() throws Exception {
        try (Wire w = new Wire(ApiVersion.V3)) {
            assertThatThrownBy(() -> w.heygen
                            .videos()
                            .submit(new SubmitRequest(
                                    twoScenes(new Background.Image("https://x.example/bg.png")), KEY, null)))
                    .isInstanceOf(InvalidRequestException.class)
                    .hasMessageContaining("colour backgrounds only");
            assertThat(w.server.getRequestCount()).isZero();
        }
    }

    @Test
    void givenALongIdentityAndStillPrompt_whenSentOnV3_thenEachIsAtMost200CharactersAndTheStillKeepsItsReference()
            throws Exception {
        try (Wire w = new Wire(ApiVersion.V3)) {
            String created = "{\"data\":{\"avatar_item\":{\"id\":\"look9\",\"status\":\"processing\"}}}";
            w.json(200, created).json(200, created);
            IdentitySpec mia = new IdentitySpec(
                    "Mia",
                    "freckles ".repeat(100).strip(),
                    "25",
                    "woman",
                    "East Asian",
                    "Realistic",
                    List.of(),
                    DefaultShots.first(1));
            w.heygen.avatars().createIdentity(KEY, mia, List.of());
            w.heygen
                    .avatars()
                    .generateStill(
                            KEY,
                            new StillSpec(
                                    "Mia",
                                    DefaultShots.first(1).shots().get(0),
                                    "close-up, smiling " + "word ".repeat(150),
                                    "look_base"));
            String identity = prompt(w.take());
            String still = prompt(w.take());
            assertThat(identity)
                    .hasSizeLessThanOrEqualTo(200)
                    .startsWith("age 25, gender woman")
                    .endsWith("…");
            assertThat(still).hasSizeLessThanOrEqualTo(200).startsWith("close-up, smiling");
        }
    }

    private static String prompt(RecordedRequest r) throws Exception {
        @SuppressWarnings("unchecked")
        Map<String, Object> body = (Map<String, Object>) new com.squareup.moshi.Moshi.Builder()
                .build()
                .adapter(Map.class)
                .fromJson(r.getBody().readUtf8());
        if (body.containsKey("avatar_id")) assertThat(body.get("avatar_id")).isEqualTo("look_base");
        return (String) body.get("prompt");
    }

    @Test
    void givenAnIdentityFromAnUploadedReference_whenItFinishes_thenTheUploadIsDeletedOnceAndUrlsAreLeftAlone()
            throws Exception {
        try (Wire w = new Wire(ApiVersion.V3)) {
            w.json(200, "{\"data\":{\"avatar_item\":{\"id\":\"look9\",\"status\":\"processing\"}}}")
                    .json(200, "{\"data\":{\"id\":\"look9\",\"status\":\"processing\"}}")
                    .json(
                            200,
                            "{\"data\":{\"id\":\"look9\",\"status\":\"completed\",\"preview_image_url\":\""
                                    + w.url("/p.png") + "\"}}")
                    .json(200, "{\"data\":{\"id\":\"ast_1\"}}")
                    .json(
                            200,
                            "{\"data\":{\"id\":\"look9\",\"status\":\"completed\",\"preview_image_url\":\""
                                    + w.url("/p.png") + "\"}}");
            IdentitySpec mia = new IdentitySpec(
                    "Mia", "freckles", null, null, null, null, List.of("a.png"), DefaultShots.first(1));
            var ref = w.heygen
                    .avatars()
                    .createIdentity(KEY, mia, List.of("ast_1", "https://x.example/b.png"))
                    .ref();
            w.heygen.avatars().status(ref);
            w.heygen.avatars().status(ref);
            w.heygen.avatars().status(ref);
            List<String> calls = new java.util.ArrayList<>();
            for (int i = 0; i < 5; i++) {
                RecordedRequest r = w.take();
                calls.add(r.getMethod() + " " + r.getPath());
            }
            assertThat(calls)
                    .containsExactly(
                            "POST /v3/avatars",
                            "GET /v3/avatars/looks/look9",
                            "GET /v3/avatars/looks/look9",
                            "DELETE /v3/assets/ast_1",
                            "GET /v3/avatars/looks/look9");
        }
    }

    @Test
    void givenATemplateCreateOnV3_thenItCarriesNoIdempotencyKeyAndIsNeverResentBlindly() throws Exception {
        TemplateSpec spec = new TemplateSpec(
                "tpl1",
                Map.of("name", new TemplateVariable("name", TemplateVariable.Type.TEXT, "Ann")),
                null,
                null,
                false);
        try (Wire w = new Wire(ApiVersion.V3)) {
            w.json(503, "{\"error\":{\"code\":\"internal_error\",\"message\":\"down\"}}")
                    .json(200, V3_VIDEO);
            assertThatThrownBy(() -> w.heygen.videos().submit(new SubmitRequest(spec, KEY, null)))
                    .isInstanceOf(OutcomeUnknownException.class);
            RecordedRequest r = w.take();
            assertThat(r.getPath()).isEqualTo("/v3/templates/tpl1");
            assertThat(r.getHeader("Idempotency-Key")).isNull();
            assertThat(w.server.getRequestCount()).isEqualTo(1);
            assertThat(w.heygen.videos().capabilities(spec).idempotentCreate()).isFalse();
            assertThat(w.heygen
                            .videos()
                            .capabilities(VideoSpec.singleAvatar("a", "v", "t"))
                            .idempotentCreate())
                    .isTrue();
        }
    }

    @Test
    void givenAnAspectRatioOnV2_thenTheBodyHasTheDocumentedDimensionAndNoAspectRatio() throws Exception {
        try (Wire w = new Wire(ApiVersion.V2)) {
            w.json(200, "{\"error\":null,\"data\":{\"video_id\":\"v1\"}}");
            VideoSpec spec = new VideoSpec(
                    List.of(new Scene(Character.Avatar.of("a"), Voice.Text.of("one", "v"), null)),
                    "9:16",
                    null,
                    "720p",
                    false,
                    null,
                    false);
            w.heygen.videos().submit(new SubmitRequest(spec, KEY, null));
            assertThat(w.take().getBody().readUtf8())
                    .contains("\"width\":720", "\"height\":1280")
                    .doesNotContain("aspect_ratio");
        }
    }

    @Test
    void givenEachRatioAndResolution_thenTheLegacyDimensionIsEvenAndInRange() {
        assertThat(LegacyDimensions.of("16:9", null)).isEqualTo(new Dimension(1920, 1080));
        assertThat(LegacyDimensions.of("4:5", "1080p")).isEqualTo(new Dimension(1080, 1350));
        assertThat(LegacyDimensions.of("1:1", "4k")).isEqualTo(new Dimension(2160, 2160));
        assertThat(LegacyDimensions.of("16:9", "4k")).isEqualTo(new Dimension(3840, 2160));
        assertThat(LegacyDimensions.of(null, "720p")).isNull();
    }

    @Test
    void givenReferencePhotosOnV2_thenTheUploadedImageKeysMakeTheGroupInsteadOfAGeneratedPhoto() throws Exception {
        try (Wire w = new Wire(ApiVersion.V2)) {
            w.json(200, "{\"code\":100,\"data\":{\"id\":\"a1\",\"image_key\":\"image/a1/original\"}}")
                    .json(200, "{\"code\":100,\"data\":{\"id\":\"a2\",\"image_key\":\"image/a2/original\"}}")
                    .json(
                            200,
                            "{\"error\":null,\"data\":{\"id\":\"look1\",\"group_id\":\"grp1\",\"status\":\"pending\"}}")
                    .json(200, "{\"error\":null,\"data\":{\"photo_avatar_list\":[]}}")
                    .json(200, "{\"error\":null,\"data\":{\"flow_id\":\"f1\"}}");
            var avatars = w.heygen.avatars();
            String k1 = avatars.uploadReference(KEY, "a.png", "image/png", new ByteArrayInputStream(new byte[] {1}), 1);
            String k2 = avatars.uploadReference(KEY, "b.png", "image/png", new ByteArrayInputStream(new byte[] {2}), 1);
            IdentitySpec mia = new IdentitySpec(
                    "Mia", "freckles", null, null, null, null, List.of("a.png", "b.png"), DefaultShots.first(1));

            Submission sub = avatars.createIdentity(KEY, mia, List.of(k1, k2));

            assertThat(sub.ref().value()).isEqualTo("group:grp1");
            assertThat(w.take().getPath()).isEqualTo("/v1/asset");
            assertThat(w.take().getPath()).isEqualTo("/v1/asset");
            RecordedRequest group = w.take();
            assertThat(group.getPath()).isEqualTo("/v2/photo_avatar/avatar_group/create");
            assertThat(group.getBody().readUtf8()).contains("\"image_key\":\"image/a1/original\"");
            RecordedRequest add = w.take();
            assertThat(add.getPath()).isEqualTo("/v2/photo_avatar/avatar_group/add");
            assertThat(add.getBody().readUtf8())
                    .contains("\"image_keys\":[\"image/a2/original\"]", "\"group_id\":\"grp1\"");
            assertThat(w.take().getPath()).isEqualTo("/v2/photo_avatar/train");
        }
    }

    @Test
    void givenAUrlReferenceOnV2_thenRefusedBeforeAnythingIsPaidFor() throws Exception {
        try (Wire w = new Wire(ApiVersion.V2)) {
            IdentitySpec mia = new IdentitySpec(
                    "Mia",
                    "freckles",
                    null,
                    null,
                    null,
                    null,
                    List.of("https://x.example/a.png"),
                    DefaultShots.first(1));
            assertThatThrownBy(() -> w.heygen.avatars().createIdentity(KEY, mia, List.of("https://x.example/a.png")))
                    .isInstanceOf(InvalidRequestException.class)
                    .hasMessageContaining("uploaded image files");
            assertThat(w.server.getRequestCount()).isZero();
        }
    }
}
