package dev.avatarkit.heygen;

import static org.assertj.core.api.Assertions.assertThat;

import dev.avatarkit.core.domain.Background;
import dev.avatarkit.core.domain.Character;
import dev.avatarkit.core.domain.Dimension;
import dev.avatarkit.core.domain.IdempotencyKey;
import dev.avatarkit.core.domain.IdentitySpec;
import dev.avatarkit.core.domain.ProviderRef;
import dev.avatarkit.core.domain.Scene;
import dev.avatarkit.core.domain.Shot;
import dev.avatarkit.core.domain.ShotList;
import dev.avatarkit.core.domain.StillSpec;
import dev.avatarkit.core.domain.TemplateSpec;
import dev.avatarkit.core.domain.TemplateVariable;
import dev.avatarkit.core.domain.VideoSpec;
import dev.avatarkit.core.domain.Voice;
import dev.avatarkit.core.influencer.ShotPrompt;
import dev.avatarkit.core.port.AvatarProvider;
import dev.avatarkit.core.port.PageRequest;
import dev.avatarkit.core.port.RenderStatus;
import dev.avatarkit.core.port.Submission;
import dev.avatarkit.core.port.SubmitRequest;
import dev.avatarkit.core.port.VideoProvider;
import dev.avatarkit.sim.HeyGenSimulator;
import java.io.ByteArrayInputStream;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.atomic.AtomicReference;
import java.util.stream.Collectors;
import org.awaitility.Awaitility;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;

/**
 * Drives every kind of request the adapter makes — five video shapes, a template, catalogues, account, bulk status,
 * reconcile, cancel, reference upload, identity (with and without references), a still and (v3) a webhook
 * registration — through a strict
 * simulator, then checks each recorded request and answer against HeyGen's published schema: zero mismatches.
 */
class PublishedSchemaConformanceIT {
    private static final String AVATAR = "Daisy-inskirt-20220818";
    private static final String PHOTO = "1ee71d11eb11400a996b5861e412aed0";
    private static final String VOICE = "2d5b0e6cf36f460aa7fc47e3eee4ba54";
    private static final byte[] PNG = java.util.Base64.getDecoder()
            .decode("iVBORw0KGgoAAAANSUhEUgAAAAEAAAABCAYAAAAfFcSJAAAADUlEQVR42mNk+M9QDwADhgGAWjR9awAAAABJRU5ErkJggg==");

    @ParameterizedTest
    @EnumSource(ApiVersion.class)
    void givenEveryRequestShapeTheAdapterMakes_whenSentToAStrictSimulator_thenAllMatchThePublishedSchema(
            ApiVersion version) throws Exception {
        try (HeyGenSimulator sim = HeyGenSimulator.builder()
                        .port(0)
                        .renderTime(Duration.ofMillis(60))
                        .build()
                        .start();
                HeyGen heygen = SimulatorSupport.adapter(sim, version, Duration.ofSeconds(10))) {
            Instant since = Instant.now().minusSeconds(60);
            List<ProviderRef> refs = videos(heygen.videos(), version);
            catalogue(heygen.videos(), refs, since);
            avatars(heygen.avatars(), version);
            if (version == ApiVersion.V3) { // the simulator has no legacy /v1/webhook/endpoint.add
                heygen.registerWebhook(
                        new IdempotencyKey("conf-hook"),
                        java.net.URI.create("https://hooks.example/heygen"),
                        List.of("avatar_video.success", "avatar_video.fail"));
            }

            WireConformance.Tally tally = WireConformance.check("conformance " + version, sim);
            assertThat(tally.mismatches())
                    .as("requests/responses outside HeyGen's published schema")
                    .isEmpty();
            assertThat(tally.covered())
                    .as("requests against a published operation")
                    .isGreaterThanOrEqualTo(20);
            assertThat(routes(sim)).containsAll(expectedRoutes(version));
        }
    }

    private static List<ProviderRef> videos(VideoProvider videos, ApiVersion version) {
        List<VideoSpec> specs = new ArrayList<>();
        specs.add(VideoSpec.singleAvatar(AVATAR, VOICE, "Hello there."));
        specs.add(new VideoSpec(
                List.of(new Scene(
                        Character.Avatar.of(AVATAR),
                        new Voice.Text("Vertical, with settings.", VOICE, 1.1, 5, null, "en-US"),
                        new Background.Color("#FAFAFA"))),
                "9:16",
                null,
                "720p",
                true,
                "vertical",
                false));
        specs.add(new VideoSpec(
                List.of(
                        new Scene(
                                Character.Avatar.of(AVATAR),
                                Voice.Text.of("Scene one.", VOICE),
                                new Background.Color("#112233")),
                        new Scene(
                                new Character.TalkingPhoto(PHOTO, null),
                                new Voice.Audio("https://example.com/a.mp3", null),
                                null),
                        new Scene(
                                new Character.Avatar(AVATAR, "closeUp", 1.2, 0.1, 0.0),
                                Voice.Text.of("Scene three.", VOICE),
                                new Background.Color("#445566"))),
                null,
                null,
                null,
                false,
                "three scenes",
                false));
        specs.add(new VideoSpec(
                List.of(new Scene(
                        Character.Avatar.of(AVATAR),
                        Voice.Text.of("Sized.", VOICE),
                        new Background.Image("https://example.com/bg.png"))),
                null,
                new Dimension(1280, 720),
                null,
                false,
                null,
                false));
        specs.add(
                version == ApiVersion.V3
                        ? new VideoSpec(
                                List.of(new Scene(
                                        new Character.Image("https://example.com/face.png"),
                                        Voice.Text.of("A picture talks.", VOICE),
                                        null)),
                                "1:1",
                                null,
                                null,
                                false,
                                null,
                                false)
                        : new VideoSpec(
                                List.of(new Scene(
                                        Character.Avatar.of(AVATAR),
                                        new Voice.Silence(2.0),
                                        new Background.Video("https://example.com/bg.mp4"))),
                                "4:5",
                                null,
                                "1080p",
                                false,
                                null,
                                true));
        List<ProviderRef> refs = new ArrayList<>();
        for (int i = 0; i < specs.size(); i++) {
            refs.add(videos.submit(new SubmitRequest(specs.get(i), new IdempotencyKey("conf-video-" + i), null))
                    .ref());
        }
        TemplateSpec template = new TemplateSpec(
                "tpl_welcome_name",
                Map.of("name", new TemplateVariable("name", TemplateVariable.Type.TEXT, "Ann")),
                "welcome",
                null,
                true);
        refs.add(videos.submit(new SubmitRequest(template, new IdempotencyKey("conf-template"), null))
                .ref());
        return refs;
    }

    private static void catalogue(VideoProvider videos, List<ProviderRef> refs, Instant since) {
        videos.statuses(refs);
        videos.status(refs.get(0));
        assertThat(videos.reconcile(new IdempotencyKey("conf-video-0"), since)).isPresent();
        videos.cancel(refs.get(refs.size() - 1));
        videos.avatars(PageRequest.first(5));
        videos.voices(PageRequest.first(5));
        videos.templates(PageRequest.first(5));
        videos.template("tpl_welcome_name");
        videos.account();
    }

    private static void avatars(AvatarProvider avatars, ApiVersion version) {
        String reference = avatars.uploadReference(
                new IdempotencyKey("conf-ref-1"), "face.png", "image/png", new ByteArrayInputStream(PNG), PNG.length);
        Shot shot = new Shot(1, "three-quarter-left", "three-quarter-left", "half-body", "smiling", "street");
        IdentitySpec mia = new IdentitySpec(
                "Mia",
                "woman in her twenties, short black bob, freckles, denim jacket",
                "25",
                "woman",
                "East Asian",
                "Realistic",
                List.of(reference),
                new ShotList(List.of(shot)));
        Submission fromPhotos =
                avatars.createIdentity(new IdempotencyKey("conf-identity-ref"), mia, List.of(reference));
        Submission fromPrompt = avatars.createIdentity(new IdempotencyKey("conf-identity"), mia, List.of());
        await(avatars, fromPhotos.ref());
        ProviderRef trained = await(avatars, fromPrompt.ref());
        StillSpec still = new StillSpec("Mia", shot, ShotPrompt.build(mia, shot), trained.value());
        await(
                avatars,
                avatars.generateStill(new IdempotencyKey("conf-still"), still).ref());
    }

    /**
     * Renders take 60 ms of simulator time; status reads until done (bounded), following the ref a multi-phase create
     * moves on to, as the engine does. Returns the render's last ref.
     */
    private static ProviderRef await(AvatarProvider avatars, ProviderRef ref) {
        AtomicReference<ProviderRef> current = new AtomicReference<>(ref);
        Awaitility.await("render " + ref + " finished")
                .atMost(Duration.ofSeconds(5))
                .pollInterval(Duration.ofMillis(30))
                .until(() -> {
                    RenderStatus s = avatars.status(current.get());
                    if (s.successor() != null) current.set(s.successor());
                    return s.phase().isFinished();
                });
        return current.get();
    }

    private static java.util.Set<String> routes(HeyGenSimulator sim) {
        return sim.wireLog().exchanges().stream().map(e -> e.route()).collect(Collectors.toSet());
    }

    private static List<String> expectedRoutes(ApiVersion version) {
        return version == ApiVersion.V3
                ? List.of(
                        "POST /v3/videos",
                        "POST /v3/templates/{template_id}",
                        "GET /v3/videos/statuses",
                        "GET /v3/videos",
                        "DELETE /v3/videos/{video_id}",
                        "GET /v3/avatars/looks",
                        "GET /v3/voices",
                        "GET /v3/users/me",
                        "POST /v3/assets",
                        "POST /v3/avatars",
                        "GET /v3/avatars/looks/{look_id}",
                        "DELETE /v3/assets/{asset_id}",
                        "POST /v3/webhooks/endpoints")
                : List.of(
                        "POST /v2/video/generate",
                        "POST /v2/template/{template_id}/generate",
                        "GET /v1/video_status.get",
                        "GET /v1/video.list",
                        "POST /v1/asset",
                        "POST /v2/photo_avatar/photo/generate",
                        "POST /v2/photo_avatar/avatar_group/create",
                        "POST /v2/photo_avatar/train",
                        "POST /v2/photo_avatar/look/generate",
                        "GET /v2/avatar_group/{group_id}/avatars");
    }
}
