package dev.avatarkit.http.dashboard;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

class HtmlTest {
    @ParameterizedTest
    @ValueSource(
            strings = {
                "<script>alert(1)</script>",
                "\"><img src=x onerror=alert(1)>",
                "' onmouseover='alert(1)",
                "`${alert(1)}`",
                "</textarea><script>x()</script>",
                "a&b<c>d\"e'f",
                "\u0000<x>"
            })
    void givenHostileText_whenEscaped_thenNoMarkupOrQuoteSurvives(String hostile) {
        String escaped = Html.escape(hostile);

        assertThat(escaped).doesNotContain("<", ">", "\"", "'", "`", "\u0000");
        assertThat(("<p title=\"" + escaped + "\">" + escaped + "</p>")
                        .chars()
                        .filter(c -> c == '<')
                        .count())
                .isEqualTo(2);
    }

    @Test
    void givenPlainText_whenEscaped_thenUnchanged_andNullIsEmpty() {
        assertThat(Html.escape("Mia, 25 — café")).isEqualTo("Mia, 25 — café");
        assertThat(Html.escape(null)).isEmpty();
        assertThat(Html.escape("a&amp;")).isEqualTo("a&amp;amp;");
    }

    @Test
    void givenAQueryValue_whenEncoded_thenItCannotEndTheAttributeOrAddParameters() {
        assertThat(Html.query("a\"b&c=d <e>")).isEqualTo("a%22b%26c%3Dd+%3Ce%3E");
    }

    @Test
    void givenByteCounts_whenSized_thenReadable() {
        assertThat(Html.size(39)).isEqualTo("39 B");
        assertThat(Html.size(9605)).isEqualTo("9.4 KiB");
        assertThat(Html.size(5L << 30)).isEqualTo("5.0 GiB");
    }
}
