package dev.avatarkit.cli;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.avatarkit.cli.app.RuntimeWiring;
import dev.avatarkit.cli.influencer.LookAttributes;
import dev.avatarkit.core.domain.ValidationException;
import java.util.Map;
import org.junit.jupiter.api.Test;

class LookAttributesTest {
    @Test
    void givenKnownValuesAndSynonyms_thenHeyGenSpelling() {
        assertThat(LookAttributes.gender("female")).isEqualTo("Woman");
        assertThat(LookAttributes.gender("MAN")).isEqualTo("Man");
        assertThat(LookAttributes.ethnicity("south_east_asian")).isEqualTo("South East Asian");
        assertThat(LookAttributes.ethnicity("latina")).isEqualTo("Hispanic");
        assertThat(LookAttributes.style("cyberpunk")).isEqualTo("Cyberpunk");
        assertThat(LookAttributes.age("28")).isEqualTo("28");
        assertThat(LookAttributes.age("early middle age")).isEqualTo("Early Middle Age");
        assertThat(LookAttributes.age("in her thirties")).isEqualTo("in her thirties");
        assertThat(LookAttributes.style(null)).isNull();
    }

    @Test
    void givenUnknownValues_thenValidationNamingTheField() {
        assertThatThrownBy(() -> LookAttributes.style("anime"))
                .isInstanceOf(ValidationException.class)
                .hasMessageContaining("unknown look")
                .hasMessageContaining("Realistic");
        assertThatThrownBy(() -> LookAttributes.age("7")).hasMessageContaining("between 13 and 120");
        assertThatThrownBy(() -> LookAttributes.gender("robot"))
                .satisfies(e -> assertThat(((ValidationException) e).field()).isEqualTo("gender"));
    }

    @Test
    void givenPollInterval_thenParsedElseExit2Field() {
        assertThat(RuntimeWiring.fromEnv(Map.of(RuntimeWiring.POLL_INTERVAL, "100ms..400ms")))
                .isNotNull();
        assertThat(RuntimeWiring.fromEnv(Map.of())).isNotNull();
        assertThatThrownBy(() -> RuntimeWiring.fromEnv(Map.of(RuntimeWiring.POLL_INTERVAL, "fast")))
                .isInstanceOf(ValidationException.class)
                .hasMessageContaining("INITIAL[..MAX]");
    }
}
