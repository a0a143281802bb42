package dev.avatarkit.did;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.avatarkit.core.domain.Background;
import dev.avatarkit.core.domain.Character;
import dev.avatarkit.core.domain.Dimension;
import dev.avatarkit.core.domain.JobSpec;
import dev.avatarkit.core.domain.Scene;
import dev.avatarkit.core.domain.TemplateSpec;
import dev.avatarkit.core.domain.UnsupportedCapabilityException;
import dev.avatarkit.core.domain.VideoSpec;
import dev.avatarkit.core.domain.Voice;
import dev.avatarkit.core.port.InvalidRequestException;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

/** What D-ID cannot render is refused before anything is stored or sent, naming our field. */
class RenderRequestsTest {
    private static final Voice HELLO = Voice.Text.of("Hello there", "en-US-JennyNeural");
    private static final Character PHOTO = new Character.Image("https://cdn.example.com/ava.jpg");

    private static VideoSpec video(Scene... scenes) {
        return new VideoSpec(List.of(scenes), null, null, null, false, null, false);
    }

    private static void assertRefused(JobSpec spec, String field) {
        assertThatThrownBy(() -> RenderRequests.check(spec))
                .isInstanceOfSatisfying(
                        InvalidRequestException.class,
                        e -> assertThat(e.param()).isEqualTo(field))
                .hasMessageStartingWith("'" + field + "'");
    }

    @Test
    void givenWhatD_idCannotRender_whenChecked_thenTheFieldIsNamed() {
        assertRefused(video(new Scene(PHOTO, HELLO, null), new Scene(PHOTO, HELLO, null)), "scenes");
        assertRefused(
                new VideoSpec(List.of(new Scene(PHOTO, HELLO, null)), "16:9", null, null, false, null, false),
                "aspect");
        assertRefused(
                new VideoSpec(
                        List.of(new Scene(PHOTO, HELLO, null)),
                        null,
                        new Dimension(640, 480),
                        null,
                        false,
                        null,
                        false),
                "dimension");
        assertRefused(video(new Scene(new Character.Image("http://cdn.example.com/ava.jpg"), HELLO, null)), "image");
        assertRefused(video(new Scene(new Character.Image("https://cdn.example.com/ava.gif"), HELLO, null)), "image");
        assertRefused(video(new Scene(new Character.TalkingPhoto("tp-123", null), HELLO, null)), "talkingPhoto");
        assertRefused(video(new Scene(PHOTO, HELLO, new Background.Color("#ffffff"))), "background");
        assertRefused(
                video(new Scene(
                        Character.Avatar.of("amy"), HELLO, new Background.Video("https://cdn.example.com/b.mp4"))),
                "background");
        assertRefused(video(new Scene(PHOTO, new Voice.Silence(3), null)), "voice");
        assertRefused(video(new Scene(PHOTO, new Voice.Audio(null, "asset-1"), null)), "audioAssetId");
        assertRefused(
                video(new Scene(PHOTO, new Voice.Audio("https://cdn.example.com/a.ogg", null), null)), "audioUrl");
        assertRefused(video(new Scene(PHOTO, Voice.Text.of("Hi", "v"), null)), "text");
    }

    @Test
    void givenATemplate_whenChecked_thenUnsupportedByD_id() {
        TemplateSpec template = new TemplateSpec("tpl", Map.of(), null, null, false);
        assertThatThrownBy(() -> RenderRequests.check(template))
                .isInstanceOf(UnsupportedCapabilityException.class)
                .hasMessageContaining("d-id");
    }

    @Test
    void givenAPresenterOnAColorWithAnAudioScript_whenBuilt_thenAClipWithBackgroundAndAudioScript() {
        VideoSpec spec = video(new Scene(
                Character.Avatar.of("amy"),
                new Voice.Audio("https://cdn.example.com/a.mp3", null),
                new Background.Color("#112233")));
        RenderRequests.Create create = RenderRequests.build(
                new dev.avatarkit.core.port.SubmitRequest(
                        spec, new dev.avatarkit.core.domain.IdempotencyKey("k-1"), null),
                false);
        assertThat(create.resource()).isEqualTo(DidRef.Resource.CLIP);
        assertThat(create.body())
                .containsEntry("background", Map.of("color", "#112233"))
                .containsEntry("script", Map.of("type", "audio", "audio_url", "https://cdn.example.com/a.mp3"));
    }

    @Test
    void givenAPlainHttpCallback_whenBuilt_thenItIsSentOnlyToASimulatorOnLoopback() {
        dev.avatarkit.core.port.SubmitRequest request = new dev.avatarkit.core.port.SubmitRequest(
                VideoSpec.singleAvatar("amy", "v", "Hello there"),
                new dev.avatarkit.core.domain.IdempotencyKey("k-2"),
                java.net.URI.create("http://127.0.0.1:8080/webhooks/d-id"));
        assertThat(RenderRequests.build(request, false).body()).doesNotContainKey("webhook");
        assertThat(RenderRequests.build(request, true).body())
                .containsEntry("webhook", "http://127.0.0.1:8080/webhooks/d-id");
    }
}
