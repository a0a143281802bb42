package dev.avatarkit.core.influencer;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.avatarkit.core.domain.Shot;
import dev.avatarkit.core.domain.ShotList;
import dev.avatarkit.core.domain.ValidationException;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

class DefaultShotsTest {

    @Test
    void givenTheDefault_whenListed_thenFiftyShotsWithUniqueSlugsAndIndexes1To50() {
        List<Shot> shots = DefaultShots.fifty().shots();

        assertThat(shots).hasSize(50);
        assertThat(shots).extracting(Shot::slug).doesNotHaveDuplicates();
        assertThat(shots)
                .extracting(Shot::index)
                .containsExactlyElementsOf(
                        java.util.stream.IntStream.rangeClosed(1, 50).boxed().toList());
        assertThat(shots.get(0).slug()).isEqualTo("front-closeup-neutral-studio");
        assertThat(shots.get(0).fileStem()).isEqualTo("01-front-closeup-neutral-studio");
    }

    @Test
    void givenTheFirstNineShots_thenEveryAngleAppears_andTheFiftyCoverEveryFramingExpressionAndSetting() {
        List<Shot> shots = DefaultShots.fifty().shots();

        assertThat(shots.subList(0, 9))
                .extracting(Shot::angle)
                .containsExactlyInAnyOrderElementsOf(DefaultShots.ANGLES);
        assertThat(shots).extracting(Shot::framing).containsAll(DefaultShots.FRAMINGS);
        assertThat(shots).extracting(Shot::expression).containsAll(DefaultShots.EXPRESSIONS);
        assertThat(shots).extracting(Shot::setting).containsAll(DefaultShots.SETTINGS);
    }

    @Test
    void givenAHundred_whenListed_thenAllSlugsAreUniqueValidAndAtMost64Chars_andFiftyIsTheirPrefix() {
        ShotList hundred = DefaultShots.first(100);

        assertThat(hundred.shots())
                .extracting(Shot::slug)
                .doesNotHaveDuplicates()
                .allMatch(s -> s.length() <= 64 && s.matches("[a-z0-9][a-z0-9-]*[a-z0-9]"));
        assertThat(hundred.shots().subList(0, 50))
                .isEqualTo(DefaultShots.fifty().shots());
        assertThat(DefaultShots.first(7).shots()).isEqualTo(hundred.shots().subList(0, 7));
    }

    @ParameterizedTest
    @ValueSource(ints = {0, -1, 101})
    void givenACountOutside1To100_whenAsked_thenStillsIsRefused(int count) {
        assertThatThrownBy(() -> DefaultShots.first(count))
                .isInstanceOf(ValidationException.class)
                .hasMessageContaining("'stills'")
                .hasMessageContaining("1 and 100");
    }

    @Test
    void givenFreeTextParts_whenSlugged_thenLowercaseDashedAccentsFoldedAndTrimmedTo64() {
        assertThat(ShotSlugs.of("Three-quarter LEFT", "Close up", "Café!"))
                .isEqualTo("three-quarter-left-close-up-cafe");
        String slug = ShotSlugs.of("a".repeat(40), "b".repeat(40));
        assertThat(slug).hasSize(64).doesNotEndWith("-");
        assertThat(ShotSlugs.of("a".repeat(63), "b")).isEqualTo("a".repeat(63));
    }
}
