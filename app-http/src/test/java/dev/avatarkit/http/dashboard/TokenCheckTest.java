package dev.avatarkit.http.dashboard;

import static org.assertj.core.api.Assertions.assertThat;

import dev.avatarkit.runtime.Secret;
import java.util.List;
import org.junit.jupiter.api.Test;

class TokenCheckTest {
    private final TokenCheck check =
            new TokenCheck(List.of(new Secret("akt_first_0123456789"), new Secret("akt_second_9876543210")));

    @Test
    void givenAcceptedTokens_whenTyped_thenTheirPositionMatches_evenWithSurroundingSpace() {
        assertThat(check.match("akt_first_0123456789")).hasValue(0);
        assertThat(check.match("  akt_second_9876543210\n")).hasValue(1);
    }

    @Test
    void givenAnythingElse_thenNoMatch() {
        assertThat(check.match("akt_first_012345678")).isEmpty();
        assertThat(check.match("")).isEmpty();
        assertThat(check.match(null)).isEmpty();
        assertThat(check.match("x".repeat(5000))).isEmpty();
    }
}
