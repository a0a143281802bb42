package dev.avatarkit.core.influencer;

import static org.assertj.core.api.Assertions.assertThat;

import dev.avatarkit.core.domain.IdentitySpec;
import dev.avatarkit.core.domain.Shot;
import java.util.List;
import org.junit.jupiter.api.Test;

class ShotPromptTest {
    static IdentitySpec mia(String prompt) {
        return new IdentitySpec(
                "Mia", prompt, "25", "woman", "East Asian", "Realistic", List.of(), DefaultShots.fifty());
    }

    @Test
    void givenAShot_whenBuilt_thenThePromptDescribesAngleFramingExpressionAndSettingAndFitsTheLimit() {
        Shot shot = new Shot(
                2, "three-quarter-left-closeup-smiling-cafe", "three-quarter-left", "closeup", "smiling", "cafe");

        String prompt = ShotPrompt.build(mia("short black bob, freckles, denim jacket"), shot);

        assertThat(prompt)
                .startsWith("three-quarter view facing left, head-and-shoulders close-up, expression: smiling")
                .contains("café")
                .contains("Same person as the reference look")
                .contains("age 25");
        assertThat(prompt.length()).isLessThanOrEqualTo(ShotPrompt.MAX_CHARS);
    }

    @Test
    void givenUnknownVocabulary_whenBuilt_thenTheWordsAreUsedAsGiven() {
        Shot shot = new Shot(1, "dutch-tilt", "dutch tilt", "extreme close-up", "winking", "on a yacht");

        assertThat(ShotPrompt.build(mia("red hair"), shot))
                .contains("dutch tilt")
                .contains("extreme close-up")
                .contains("winking")
                .contains("on a yacht");
    }

    @Test
    void givenTheLongestAppearanceAndLongAttributes_whenBuilt_thenThePromptFitsTheProviderLimitAndKeepsTheShot() {
        IdentitySpec spec = new IdentitySpec(
                "Mia",
                "word ".repeat(199) + "end",
                "x".repeat(300),
                "y".repeat(300),
                "z".repeat(300),
                "s".repeat(300),
                List.of(),
                DefaultShots.fifty());
        Shot shot = new Shot(3, "odd", "a".repeat(500), "b".repeat(500), "c".repeat(500), "d".repeat(500));

        for (Shot s : List.of(shot, DefaultShots.fifty().shots().get(49))) {
            String prompt = ShotPrompt.build(spec, s);
            assertThat(prompt.length()).isLessThanOrEqualTo(ShotPrompt.MAX_CHARS);
            assertThat(prompt)
                    .contains(s.angle().length() > 50 ? s.angle().substring(0, 40) : "")
                    .contains("expression: ");
        }
    }

    @Test
    void givenEveryDefaultShotAndALongAppearance_whenBuilt_thenEachFitsAndKeepsItsOwnWording() {
        IdentitySpec spec = mia("word ".repeat(150) + "end");
        for (Shot s : DefaultShots.fifty().shots()) {
            String prompt = ShotPrompt.build(spec, s);
            assertThat(prompt.length()).as(prompt).isLessThanOrEqualTo(ShotPrompt.MAX_CHARS);
            assertThat(prompt).as(s.slug()).contains("expression: " + s.expression());
        }
    }

    @Test
    void givenTheFiftyDefaultShots_whenBuilt_thenEveryPromptIsDifferent() {
        IdentitySpec spec = mia("red hair");

        assertThat(DefaultShots.fifty().shots().stream()
                        .map(s -> ShotPrompt.build(spec, s))
                        .toList())
                .doesNotHaveDuplicates();
    }
}
