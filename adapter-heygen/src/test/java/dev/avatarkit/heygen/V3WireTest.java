package dev.avatarkit.heygen;

import static org.assertj.core.api.Assertions.assertThat;

import dev.avatarkit.core.domain.AssetKind;
import dev.avatarkit.core.domain.Character;
import dev.avatarkit.core.domain.IdempotencyKey;
import dev.avatarkit.core.domain.ProviderRef;
import dev.avatarkit.core.domain.Scene;
import dev.avatarkit.core.domain.TemplateSpec;
import dev.avatarkit.core.domain.TemplateVariable;
import dev.avatarkit.core.domain.VideoSpec;
import dev.avatarkit.core.domain.Voice;
import dev.avatarkit.core.port.PageRequest;
import dev.avatarkit.core.port.RenderPhase;
import dev.avatarkit.core.port.RenderStatus;
import dev.avatarkit.core.port.SubmitRequest;
import java.net.URI;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import okhttp3.mockwebserver.RecordedRequest;
import org.junit.jupiter.api.Test;

class V3WireTest {
    static final IdempotencyKey KEY = new IdempotencyKey("ak-job-42");

    @Test
    void singleSceneIsTypeAvatarWithKeyCallbackAndTitleSuffix() throws Exception {
        try (Wire w = new Wire(ApiVersion.V3)) {
            w.json(
                    200,
                    "{\"data\":{\"video_id\":\"vid9\",\"status\":\"waiting\",\"output_format\":\"mp4\",\"new_field\":1}}");
            var sub = w.heygen
                    .videos()
                    .submit(new SubmitRequest(
                            VideoSpec.singleAvatar("look1", "voice1", "Hi"),
                            KEY,
                            URI.create("https://me.example/hook")));
            assertThat(sub.ref().value()).isEqualTo("vid9");
            assertThat(sub.rawStatus()).isEqualTo("waiting");
            RecordedRequest r = w.take();
            assertThat(r.getPath()).isEqualTo("/v3/videos");
            assertThat(r.getHeader("X-Api-Key")).isEqualTo(Wire.KEY);
            assertThat(r.getHeader("Idempotency-Key")).isEqualTo("ak-job-42");
            String body = r.getBody().readUtf8();
            assertThat(body)
                    .contains(
                            "\"type\":\"avatar\"",
                            "\"avatar_id\":\"look1\"",
                            "\"script\":\"Hi\"",
                            "\"voice_id\":\"voice1\"",
                            "\"callback_id\":\"ak-job-42\"",
                            "\"title\":\"avatarkit [ak-job-42]\"",
                            "\"callback_url\":\"https://me.example/hook\"");
        }
    }

    @Test
    void multiSceneIsTypeStudio() throws Exception {
        try (Wire w = new Wire(ApiVersion.V3)) {
            w.json(200, "{\"data\":{\"video_id\":\"vid9\",\"status\":\"waiting\"}}");
            VideoSpec spec = new VideoSpec(
                    List.of(
                            new Scene(Character.Avatar.of("a"), Voice.Text.of("one", "v"), null),
                            new Scene(
                                    new Character.Image("https://img.example/x.png"), Voice.Text.of("two", "v"), null)),
                    "9:16",
                    null,
                    "1080p",
                    true,
                    "Promo",
                    false);
            w.heygen.videos().submit(new SubmitRequest(spec, KEY, null));
            String body = w.take().getBody().readUtf8();
            assertThat(body)
                    .contains(
                            "\"type\":\"studio\"",
                            "\"scenes\":[",
                            "\"type\":\"avatar_video\"",
                            "\"type\":\"image\"",
                            "\"aspect_ratio\":\"9:16\"",
                            "\"resolution\":\"1080p\"",
                            "\"title\":\"Promo [ak-job-42]\"");
        }
    }

    @Test
    void templateGenerateSendsTypedVariables() throws Exception {
        try (Wire w = new Wire(ApiVersion.V3)) {
            w.json(200, "{\"data\":{\"id\":\"vidT\",\"status\":\"pending\"}}");
            var spec = new TemplateSpec(
                    "tpl1",
                    Map.of("first_name", new TemplateVariable("first_name", TemplateVariable.Type.TEXT, "Anna")),
                    null,
                    null,
                    false);
            assertThat(w.heygen
                            .videos()
                            .submit(new SubmitRequest(spec, KEY, null))
                            .ref()
                            .value())
                    .isEqualTo("vidT");
            RecordedRequest r = w.take();
            assertThat(r.getPath()).isEqualTo("/v3/templates/tpl1");
            assertThat(r.getBody().readUtf8())
                    .contains(
                            "\"first_name\":{\"name\":\"first_name\",\"type\":\"text\",\"properties\":{\"content\":\"Anna\"}}");
        }
    }

    @Test
    void statusMapping() throws Exception {
        try (Wire w = new Wire(ApiVersion.V3)) {
            w.json(
                    200,
                    "{\"data\":{\"id\":\"v\",\"status\":\"completed\",\"video_url\":\"https://f.example/v.mp4?Expires=1&Signature=s\","
                            + "\"thumbnail_url\":\"https://f.example/t.jpg\",\"error\":{\"code\":\"MOVIO_PAYMENT_INSUFFICIENT_CREDIT\",\"message\":\"watermarked\"}}}");
            w.json(
                    200,
                    "{\"data\":{\"id\":\"v\",\"status\":\"failed\",\"failure_code\":400105,\"failure_message\":\"blocked words\"}}");
            w.json(
                    200,
                    "{\"data\":{\"id\":\"v\",\"status\":\"failed\",\"failure_code\":\"avatar_not_found\",\"failure_message\":\"gone\"}}");
            w.json(200, "{\"data\":{\"id\":\"v\",\"status\":\"rendering_in_space\"}}");
            w.json(200, "{\"data\":{\"id\":\"v\",\"status\":\"waiting\"}}");
            RenderStatus done = w.heygen.videos().status(new ProviderRef("v"));
            assertThat(done.phase()).isEqualTo(RenderPhase.SUCCEEDED);
            assertThat(done.result(AssetKind.VIDEO)).isPresent();
            assertThat(done.result(AssetKind.THUMBNAIL)).isPresent();
            assertThat(done.warning().code()).isEqualTo("MOVIO_PAYMENT_INSUFFICIENT_CREDIT");
            RenderStatus rejected = w.heygen.videos().status(new ProviderRef("v"));
            assertThat(rejected.phase()).isEqualTo(RenderPhase.REJECTED);
            assertThat(rejected.failure().code()).isEqualTo("400105");
            assertThat(w.heygen.videos().status(new ProviderRef("v")).phase()).isEqualTo(RenderPhase.FAILED);
            RenderStatus unknown = w.heygen.videos().status(new ProviderRef("v"));
            assertThat(unknown.phase()).isEqualTo(RenderPhase.RUNNING);
            assertThat(unknown.rawStatus()).isEqualTo("rendering_in_space");
            assertThat(w.heygen.videos().status(new ProviderRef("v")).phase()).isEqualTo(RenderPhase.PENDING);
        }
    }

    @Test
    void bulkStatusesChunkBy100AndDropNotFound() throws Exception {
        try (Wire w = new Wire(ApiVersion.V3)) {
            List<ProviderRef> refs = new ArrayList<>();
            for (int i = 0; i < 150; i++) refs.add(new ProviderRef("v" + i));
            w.json(
                    200,
                    "{\"data\":[{\"video_id\":\"v0\",\"status\":\"queued\"},{\"video_id\":\"v1\",\"status\":\"not_found\"}],\"has_more\":false}");
            w.json(200, "{\"data\":[{\"video_id\":\"v149\",\"status\":\"completed\"}]}");
            var out = w.heygen.videos().statuses(refs);
            assertThat(out).containsOnlyKeys(new ProviderRef("v0"), new ProviderRef("v149"));
            assertThat(out.get(new ProviderRef("v0")).phase()).isEqualTo(RenderPhase.PENDING);
            String first = w.take().getRequestUrl().queryParameter("video_ids");
            assertThat(first.split(",")).hasSize(100);
            assertThat(w.take().getRequestUrl().queryParameter("video_ids").split(","))
                    .hasSize(50);
        }
    }

    @Test
    void statusesWithResultsReadTheNewestListingThenTheUnlistedInBulkAndOnlyTheirFinishedAlone() throws Exception {
        try (Wire w = new Wire(ApiVersion.V3)) {
            List<ProviderRef> refs = List.of(
                    new ProviderRef("a"),
                    new ProviderRef("b"),
                    new ProviderRef("c"),
                    new ProviderRef("d"),
                    new ProviderRef("e"));
            // a and b on the newest page, finished with URLs; c there, still processing; d and e older than the page
            w.json(
                    200,
                    "{\"data\":[{\"id\":\"b\",\"status\":\"completed\",\"video_url\":\"https://files.example/b.mp4\"},"
                            + "{\"id\":\"other\",\"status\":\"completed\",\"video_url\":\"https://files.example/o.mp4\"},"
                            + "{\"id\":\"c\",\"status\":\"processing\"},"
                            + "{\"id\":\"a\",\"status\":\"completed\",\"video_url\":\"https://files.example/a.mp4\"}],"
                            + "\"has_more\":true,\"next_token\":\"t2\"}");
            w.json(
                    200,
                    "{\"data\":[{\"video_id\":\"d\",\"status\":\"completed\"},{\"video_id\":\"e\",\"status\":\"processing\"}],"
                            + "\"has_more\":false}");
            w.json(
                    200,
                    "{\"data\":{\"id\":\"d\",\"status\":\"completed\",\"video_url\":\"https://files.example/d.mp4\"}}");

            var out = w.heygen.videos().statusesWithResults(refs);

            assertThat(out).containsOnlyKeys(refs);
            for (String finished : List.of("a", "b", "d")) {
                assertThat(out.get(new ProviderRef(finished)).result(AssetKind.VIDEO))
                        .as(finished)
                        .isPresent();
            }
            assertThat(out.get(new ProviderRef("c")).phase()).isEqualTo(RenderPhase.RUNNING);
            assertThat(out.get(new ProviderRef("e")).phase()).isEqualTo(RenderPhase.RUNNING);
            var listing = w.take().getRequestUrl();
            assertThat(listing.encodedPath()).isEqualTo("/v3/videos");
            assertThat(listing.queryParameter("limit")).isEqualTo("100");
            var bulk = w.take().getRequestUrl();
            assertThat(bulk.encodedPath()).isEqualTo("/v3/videos/statuses");
            assertThat(bulk.queryParameter("video_ids")).isEqualTo("d,e");
            assertThat(w.take().getRequestUrl().encodedPath()).isEqualTo("/v3/videos/d");
        }
    }

    @Test
    void reconcileFindsByTitleSuffixAcrossPages() throws Exception {
        try (Wire w = new Wire(ApiVersion.V3)) {
            w.json(
                    200,
                    "{\"data\":[{\"id\":\"a\",\"title\":\"x [ak-other]\"}],\"has_more\":true,\"next_token\":\"t2\"}");
            w.json(200, "{\"data\":[{\"id\":\"b\",\"title\":\"Promo [ak-job-42]\"}],\"has_more\":false}");
            assertThat(w.heygen.videos().reconcile(KEY, Instant.parse("2026-05-01T11:00:00Z")))
                    .contains(new ProviderRef("b"));
            w.take();
            assertThat(w.take().getRequestUrl().queryParameter("token")).isEqualTo("t2");
        }
    }

    @Test
    void cataloguesPageWithTokens() throws Exception {
        try (Wire w = new Wire(ApiVersion.V3)) {
            w.json(
                    200,
                    "{\"data\":[{\"voice_id\":\"v1\",\"name\":\"Ann\",\"language\":\"English\",\"gender\":\"female\"}],\"has_more\":true,\"next_token\":\"n\"}");
            var page = w.heygen.videos().voices(PageRequest.first(1));
            assertThat(page.items()).hasSize(1);
            assertThat(page.nextToken()).isEqualTo("n");
            w.json(
                    200,
                    "{\"data\":{\"username\":\"me\",\"billing_type\":\"wallet\",\"wallet\":{\"currency\":\"usd\",\"remaining_balance\":12.5}}}");
            var account = w.heygen.videos().account();
            assertThat(account.remaining()).isEqualTo(12.5);
            assertThat(account.unit()).isEqualTo("usd");
        }
    }
}
