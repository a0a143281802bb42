package dev.avatarkit.didsim;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

/** The small pieces the routes stand on: auth header parsing, paging, multipart, route templates. */
class PartsTest {
    @Test
    void onlyTheBasicSchemeCarriesAKey_andTheKeyIsTakenVerbatim() {
        assertThat(FrontDoor.presentedKey("Basic abc:def")).isEqualTo("abc:def");
        assertThat(FrontDoor.presentedKey("basic abc:def"))
                .as("the scheme word is case-insensitive")
                .isEqualTo("abc:def");
        assertThat(FrontDoor.presentedKey("Bearer abc:def")).isNull();
        assertThat(FrontDoor.presentedKey("Basic ")).isNull();
        assertThat(FrontDoor.presentedKey(null)).isNull();
    }

    @Test
    void pagesFollowTheirTokens_toALastPageWithoutOne_andAForeignTokenIsRefused() {
        List<String> all = List.of("e", "d", "c", "b", "a");
        TokenPage<String> first = TokenPage.of(all, s -> s, 2, null);
        assertThat(first.items()).containsExactly("e", "d");
        TokenPage<String> second = TokenPage.of(all, s -> s, 2, first.token());
        assertThat(second.items()).containsExactly("c", "b");
        TokenPage<String> last = TokenPage.of(all, s -> s, 2, second.token());
        assertThat(last.items()).containsExactly("a");
        assertThat(last.token()).isNull();
        assertThat(TokenPage.of(all, s -> s, 5, null).token())
                .as("exactly one full page")
                .isNull();
        assertThatThrownBy(() -> TokenPage.of(all, s -> s, 2, "!!")).hasMessageContaining("'token'");
    }

    @Test
    void multipartFieldsAreFound_withFileNameTypeAndExactBytes() {
        byte[] body = ("--XyZ\r\nContent-Disposition: form-data; name=\"detect_faces\"\r\n\r\ntrue\r\n"
                        + "--XyZ\r\nContent-Disposition: form-data; name=\"image\"; filename=\"a.png\"\r\nContent-Type: image/png\r\n\r\n"
                        + "\r\n--binary\r\n--XyZ--\r\n")
                .getBytes(StandardCharsets.ISO_8859_1);
        Map<String, FormData.Field> form = FormData.parse("multipart/form-data; boundary=XyZ", body);
        assertThat(form.get("detect_faces").text()).isEqualTo("true");
        assertThat(form.get("image").filename()).isEqualTo("a.png");
        assertThat(form.get("image").contentType()).isEqualTo("image/png");
        assertThat(new String(form.get("image").bytes(), StandardCharsets.ISO_8859_1))
                .isEqualTo("\r\n--binary");
        assertThat(FormData.parse("application/json", body)).isNull();
    }

    @Test
    void routeTemplatesMatchParams_andAStarParamTakesTheRestOfThePath() {
        Route one = Route.api("GET", "/talks/{id}", c -> null);
        assertThat(one.match("GET", "/talks/tlk_1")).containsEntry("id", "tlk_1");
        assertThat(one.match("GET", "/talks")).isNull();
        assertThat(one.match("DELETE", "/talks/tlk_1")).isNull();
        Route rest = Route.sim("GET", "/_sim/s3/{*key}", c -> null);
        assertThat(rest.match("GET", "/_sim/s3/audios/tlk_1/microsoft.wav"))
                .containsEntry("key", "audios/tlk_1/microsoft.wav");
        assertThat(rest.match("GET", "/_sim/s3/")).isNull();
    }

    @Test
    void aTimelineIsCreatedThenRunningThenItsEnding_onTheClockAlone() {
        java.time.Instant t0 = java.time.Instant.parse("2026-01-01T00:00:00Z");
        Timeline t = new Timeline(t0, java.time.Duration.ofSeconds(10), "started", Timeline.Ending.REJECTED);
        assertThat(t.advance(t0.plusSeconds(1))).isEqualTo("created");
        assertThat(t.advance(t0.plusSeconds(2))).isEqualTo("started");
        assertThat(t.finished()).isFalse();
        assertThat(t.advance(t0.plusSeconds(10))).isEqualTo("rejected");
        assertThat(t.completedAt()).isEqualTo(t0.plusSeconds(10));
    }
}
