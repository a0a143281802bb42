package dev.avatarkit.http;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

/** The hand-written RFC 6750 b64token check accepts exactly what {@code [A-Za-z0-9-._~+/]+=*} accepts. */
class BearerAuthTest {
    @Test
    void givenTokensOfTheB64tokenAlphabet_whenChecked_thenAccepted() {
        assertThat(BearerAuth.isToken68("bench_token_0123456789")).isTrue();
        assertThat(BearerAuth.isToken68("AZaz09-._~+/")).isTrue();
        assertThat(BearerAuth.isToken68("abc==")).isTrue();
    }

    @Test
    void givenOtherCharactersOrOnlyPadding_whenChecked_thenRejected() {
        assertThat(BearerAuth.isToken68("====")).isFalse();
        assertThat(BearerAuth.isToken68("a=b")).isFalse();
        assertThat(BearerAuth.isToken68("a b")).isFalse();
        assertThat(BearerAuth.isToken68("tök")).isFalse();
        assertThat(BearerAuth.isToken68("a,b")).isFalse();
    }

    @Test
    void givenEveryCharacterUpToU0800_whenCheckedAloneAndBeforePadding_thenTheRegexDecidesTheSame() {
        java.util.regex.Pattern b64token = java.util.regex.Pattern.compile("[A-Za-z0-9\\-._~+/]+=*");
        for (char c = 0; c < 0x800; c++) {
            for (String token : new String[] {"" + c, "a" + c + "b", c + "=="}) {
                assertThat(BearerAuth.isToken68(token))
                        .as("U+%04X in '%s'", (int) c, token)
                        .isEqualTo(b64token.matcher(token).matches());
            }
        }
    }

    @Test
    void givenTheSameToken_whenHashedTwiceOnOneThread_thenTheDigestsAreEqual() {
        assertThat(BearerAuth.sha256("token-one"))
                .isEqualTo(BearerAuth.sha256("token-one"))
                .isNotEqualTo(BearerAuth.sha256("token-two"));
    }
}
