package dev.avatarkit.heygen;

import static org.assertj.core.api.Assertions.assertThat;

import com.squareup.moshi.JsonAdapter;
import com.squareup.moshi.Moshi;
import java.nio.charset.StandardCharsets;
import org.junit.jupiter.api.Test;

/** One read per body: typed data, every dialect's error shape, paging, and what an odd body becomes. */
class EnvelopeConverterTest {
    private final Moshi moshi = new Moshi.Builder().build();
    private final EnvelopeConverter converter = new EnvelopeConverter(moshi);
    private final JsonAdapter<Dtos.V3Video> video = moshi.adapter(Dtos.V3Video.class);

    private Envelope<Dtos.V3Video> read(String body) {
        return converter.read(body.getBytes(StandardCharsets.UTF_8), video);
    }

    @Test
    void givenV3DataWithPaging_thenDataIsTypedAndPagingKept() {
        Envelope<Dtos.V3Video> e = read("{\"data\":{\"video_id\":\"v1\",\"status\":\"processing\",\"extra\":[1]},"
                + "\"has_more\":true,\"next_token\":\"t2\"}");

        assertThat(e.readable()).isTrue();
        assertThat(e.isError()).isFalse();
        assertThat(e.data().anyId()).isEqualTo("v1");
        assertThat(e.hasMore()).isTrue();
        assertThat(e.nextToken()).isEqualTo("t2");
    }

    @Test
    void givenV1CodeOtherThan100WithoutData_thenItIsAnErrorWithANumericCodeAsText() {
        Envelope<Dtos.V3Video> e = read("{\"code\":40119,\"data\":null,\"message\":\"quota exceeded\"}");

        assertThat(e.error()).isEqualTo(new Envelope.WireError("40119", "quota exceeded", null));
        assertThat(read("{\"code\":100,\"data\":{\"id\":\"v1\"},\"message\":\"Success\"}")
                        .isError())
                .isFalse();
    }

    @Test
    void givenDataOfAnUnexpectedShapeBesideAnError_thenTheErrorStillShows() {
        Envelope<Dtos.V3Video> e =
                read("{\"error\":{\"code\":\"invalid_parameter\",\"message\":\"bad\",\"param\":\"x\"},"
                        + "\"data\":\"not an object\"}");

        assertThat(e.readable()).isTrue();
        assertThat(e.data()).isNull();
        assertThat(e.error()).isEqualTo(new Envelope.WireError("invalid_parameter", "bad", "x"));
    }

    @Test
    void givenDataOfAnUnexpectedShapeAlone_thenReadableWithoutDataOrError() {
        Envelope<Dtos.V3Video> e = read("{\"data\":[1,2,3]}");

        assertThat(e.readable()).isTrue();
        assertThat(e.data()).isNull();
        assertThat(e.isError()).isFalse();
    }

    @Test
    void givenNoJsonObject_thenUnreadable_andAsAnErrorBodyItsTextIsTheMessage() {
        assertThat(read("<html>502 Bad Gateway</html>").readable()).isFalse();
        assertThat(read("[]").readable()).isFalse();
        assertThat(read("{\"data\":{}} trailing").readable()).isFalse();
        assertThat(converter.errorIn("<html> 502   Bad Gateway </html>".getBytes(StandardCharsets.UTF_8)))
                .isEqualTo(new Envelope.WireError(null, "<html> 502 Bad Gateway </html>", null));
    }
}
