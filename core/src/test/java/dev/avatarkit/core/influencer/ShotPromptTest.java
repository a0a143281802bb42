package dev.avatarkit.core.influencer;

import static org.assertj.core.api.Assertions.assertThat;

import dev.avatarkit.core.domain.IdentitySpec;
import dev.avatarkit.core.domain.Shot;
import java.util.List;
import org.junit.jupiter.api.Test;

class ShotPromptTest {
    static IdentitySpec mia(String prompt) {
        return new IdentitySpec("Mia", prompt, "25", "woman", "East Asian", "Realistic", List.of(), DefaultShots.fifty());
    }

    @Test
    void givenAShot_whenBuilt_thenThePromptRestatesTheIdentityAndDescribesAngleFramingExpressionAndSetting() {
        Shot shot = new Shot(2, "three-quarter-left-closeup-smiling-cafe", "three-quarter-left", "closeup", "smiling", "cafe");

        String prompt = ShotPrompt.build(mia("short black bob, freckles, denim jacket"), shot);

        assertThat(prompt).contains("short black bob, freckles, denim jacket")
                .contains("age 25").contains("woman").contains("East Asian").contains("Realistic style")
                .contains("three-quarter view facing left").contains("head-and-shoulders close-up")
                .contains("Expression: smiling").contains("café")
                .contains("identical to the reference look");
    }

    @Test
    void givenUnknownVocabulary_whenBuilt_thenTheWordsAreUsedAsGiven() {
        Shot shot = new Shot(1, "dutch-tilt", "dutch tilt", "extreme close-up", "winking", "on a yacht");

        assertThat(ShotPrompt.build(mia("red hair"), shot)).contains("dutch tilt").contains("extreme close-up")
                .contains("winking").contains("on a yacht");
    }

    @Test
    void givenTheLongestAppearanceAndLongAttributes_whenBuilt_thenThePromptFitsTheProviderLimitAndKeepsTheShot() {
        IdentitySpec spec = new IdentitySpec("Mia", "word ".repeat(199) + "end", "x".repeat(300), "y".repeat(300),
                "z".repeat(300), "s".repeat(300), List.of(), DefaultShots.fifty());
        Shot shot = new Shot(3, "odd", "a".repeat(500), "b".repeat(500), "c".repeat(500), "d".repeat(500));

        for (Shot s : List.of(shot, DefaultShots.fifty().shots().get(49))) {
            String prompt = ShotPrompt.build(spec, s);
            assertThat(prompt.length()).isLessThanOrEqualTo(IdentitySpec.MAX_PROMPT_CHARS);
            assertThat(prompt).contains("Camera: ").contains("Keep the face");
        }
    }

    @Test
    void givenTheFiftyDefaultShots_whenBuilt_thenEveryPromptIsDifferent() {
        IdentitySpec spec = mia("red hair");

        assertThat(DefaultShots.fifty().shots().stream().map(s -> ShotPrompt.build(spec, s)).toList()).doesNotHaveDuplicates();
    }
}
