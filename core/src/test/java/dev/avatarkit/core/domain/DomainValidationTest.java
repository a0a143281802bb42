package dev.avatarkit.core.domain;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.Instant;
import java.util.Collections;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/** Every value record refuses bad input with a message naming the field and the limit. */
class DomainValidationTest {

    private static Scene hello() {
        return new Scene(Character.Avatar.of("Daisy-inskirt-20220818"), Voice.Text.of("Hello", "voice-1"), null);
    }

    @Test
    void givenAScriptOverTheLimit_whenBuildingAVoice_thenTheErrorNamesTextAndTheLimit() {
        assertThatThrownBy(() -> Voice.Text.of("x".repeat(5001), "v"))
                .isInstanceOf(ValidationException.class)
                .hasMessageContaining("'text'")
                .hasMessageContaining("5000")
                .satisfies(e -> assertThat(((ValidationException) e).field()).isEqualTo("text"));
    }

    @Test
    void givenNoScenesOrFiftyOne_whenBuildingAVideo_thenSceneCountIsRefused() {
        assertThatThrownBy(() -> new VideoSpec(List.of(), null, null, null, false, null, false))
                .hasMessageContaining("'scenes'")
                .hasMessageContaining("1–50");
        assertThatThrownBy(() -> new VideoSpec(Collections.nCopies(51, hello()), null, null, null, false, null, false))
                .hasMessageContaining("had 51");
        assertThat(new VideoSpec(Collections.nCopies(50, hello()), null, null, null, false, null, false).scenes())
                .hasSize(50);
    }

    @ParameterizedTest
    @ValueSource(strings = {"127x720", "1920x1081", "4098x720", "abc", "1920"})
    void givenABadDimension_whenParsing_thenItIsRefusedWithTheRule(String text) {
        assertThatThrownBy(() -> Dimension.parse(text))
                .isInstanceOf(ValidationException.class)
                .hasMessageContaining("dimension");
    }

    @Test
    void givenAGoodDimension_whenParsing_thenItIsKept() {
        assertThat(Dimension.parse("1920x1080")).isEqualTo(new Dimension(1920, 1080));
    }

    @ParameterizedTest
    @ValueSource(strings = {"#12345", "123456", "#GGGGGG", "red"})
    void givenABadColor_whenParsingABackground_thenItSaysWhatAColorLooksLike(String text) {
        assertThatThrownBy(() -> Background.parse(text))
                .isInstanceOf(ValidationException.class)
                .hasMessageContaining("background");
    }

    @Test
    void givenTheThreeBackgroundForms_whenParsing_thenEachIsRecognised() {
        assertThat(Background.parse("#1a2b3c")).isEqualTo(new Background.Color("#1a2b3c"));
        assertThat(Background.parse("image:https://x/y.png")).isEqualTo(new Background.Image("https://x/y.png"));
        assertThat(Background.parse("video:https://x/y.mp4")).isEqualTo(new Background.Video("https://x/y.mp4"));
    }

    @Test
    void givenBlankIds_whenBuildingCharactersAndVoices_thenTheFieldIsNamed() {
        assertThatThrownBy(() -> Character.Avatar.of(" ")).hasMessageContaining("'avatar' must not be blank");
        assertThatThrownBy(() -> Voice.Text.of("hi", "")).hasMessageContaining("'voice' must not be blank");
        assertThatThrownBy(() -> new TemplateSpec(" ", Map.of(), null, null, false))
                .hasMessageContaining("'templateId'");
    }

    @Test
    void givenAnImageVariableThatIsNotAUrl_whenBuilding_thenTheVariableIsNamed() {
        assertThatThrownBy(() -> new TemplateVariable("logo", TemplateVariable.Type.IMAGE, "logo.png"))
                .hasMessageContaining("'variables.logo'")
                .hasMessageContaining("http(s) URL");
    }

    @Test
    void givenMoreThanThreeReferences_whenBuildingAnIdentity_thenItIsRefused() {
        ShotList shots = new ShotList(List.of(new Shot(1, "front", "front", "close-up", null, null)));
        assertThatThrownBy(() -> new IdentitySpec(
                        "Mia", "a woman", null, null, null, null, List.of("a.png", "b.png", "c.png", "d.png"), shots))
                .hasMessageContaining("at most 3");
        assertThatThrownBy(() -> new IdentitySpec("Mia", " ", null, null, null, null, List.of(), shots))
                .hasMessageContaining("'prompt' must not be blank");
    }

    @Test
    void givenDuplicateShots_whenBuildingAShotList_thenItIsRefused() {
        Shot a = new Shot(1, "front", "front", "close-up", null, null);
        Shot b = new Shot(1, "left", "left", "close-up", null, null);
        assertThatThrownBy(() -> new ShotList(List.of(a, b))).hasMessageContaining("index 1 appears twice");
        assertThat(a.fileStem()).isEqualTo("01-front");
    }

    @ParameterizedTest
    @ValueSource(strings = {"../etc/passwd", "/abs", "a//b", "a/./b", ".hidden", "a/b.tmp", "a\\b", "a b", "é"})
    void givenHostileStorageKeys_whenBuilding_thenTheyAreRefused(String key) {
        assertThatThrownBy(() -> new AssetKey(key))
                .isInstanceOf(ValidationException.class)
                .hasMessageContaining("not allowed");
    }

    @Test
    void givenAServerIdKey_whenBuilding_thenItIsKept() {
        assertThat(AssetKey.of("videos", "01JD", "video.mp4").value()).isEqualTo("videos/01JD/video.mp4");
    }

    @Test
    void givenIdempotencyKeys_whenValidating_thenHeyGensSyntaxApplies() {
        assertThatThrownBy(() -> new IdempotencyKey("has space")).hasMessageContaining("[A-Za-z0-9_:.-]");
        assertThatThrownBy(() -> new IdempotencyKey("x".repeat(256))).isInstanceOf(ValidationException.class);
        assertThat(IdempotencyKey.derived("row", "a")).isEqualTo(IdempotencyKey.derived("row", "a"));
        assertThat(IdempotencyKey.derived("row", "a")).isNotEqualTo(IdempotencyKey.derived("row", "b"));
    }

    @Test
    void givenJobIds_whenMinted_thenTheySortByTimeAndRoundTrip() {
        JobId earlier = JobId.next(Instant.parse("2026-01-01T00:00:00Z"));
        JobId later = JobId.next(Instant.parse("2026-01-01T00:00:01Z"));
        assertThat(earlier).isLessThan(later);
        assertThat(JobId.of(earlier.value().toLowerCase())).isEqualTo(earlier);
        assertThatThrownBy(() -> JobId.of("nope")).hasMessageContaining("ULID");
    }

    @Test
    void givenARetriedJob_whenAskingForTheProviderKey_thenItDiffersFromTheOriginalButTheJobKeyStays() {
        Job job = Job.queued(
                JobId.next(Instant.EPOCH),
                new IdempotencyKey("k1"),
                VideoSpec.singleAvatar("a", "v", "t"),
                "heygen",
                Instant.EPOCH,
                null,
                null);
        Job retried = job.requeued(Instant.EPOCH);
        assertThat(job.providerKey().value()).isEqualTo("k1");
        assertThat(retried.providerKey().value()).isEqualTo("k1-r1");
        assertThat(retried.idempotencyKey()).isEqualTo(job.idempotencyKey());
    }

    @Test
    void givenStates_whenAskingTerminal_thenOnlyTheEndStatesAre() {
        assertThat(JobState.values())
                .filteredOn(JobState::isTerminal)
                .containsExactlyInAnyOrder(
                        JobState.SUCCEEDED,
                        JobState.FAILED,
                        JobState.REJECTED,
                        JobState.CANCELED,
                        JobState.NEEDS_ATTENTION);
    }
}
