package dev.avatarkit.heygen;

import static org.assertj.core.api.Assertions.assertThat;

import dev.avatarkit.core.domain.ProviderRef;
import dev.avatarkit.core.port.InvalidRequestException;
import dev.avatarkit.core.port.ProviderException;
import dev.avatarkit.core.port.ProviderUnavailableException;
import okhttp3.mockwebserver.MockResponse;
import org.junit.jupiter.api.Test;

/** A HeyGen error names HeyGen's code, message and request id; a non-JSON error body is quoted, never "null". */
class RemoteErrorMessageTest {

    @Test
    void givenJsonError_whenSubmit_thenMessageCarriesCodeMessageAndRequestId() throws Exception {
        try (Wire w = new Wire(ApiVersion.V3)) {
            w.json(
                    400,
                    "{\"error\":{\"code\":\"invalid_parameter\",\"message\":\"bad voice\",\"param\":\"voice_id\"}}");

            ProviderException e = submit(w);

            assertThat(e).isInstanceOf(InvalidRequestException.class);
            assertThat(e.getMessage()).isEqualTo("HeyGen HTTP 400 invalid_parameter: bad voice (request id req-400)");
        }
    }

    @Test
    void givenPlainText400_whenSubmit_thenTheTextIsTheMessage() throws Exception {
        try (Wire w = new Wire(ApiVersion.V3)) {
            w.enqueue(new MockResponse()
                    .setResponseCode(400)
                    .setHeader("Content-Type", "text/plain")
                    .setHeader("X-Request-Id", "req-plain")
                    .setBody("This combination of host and port requires TLS.\n"));

            ProviderException e = submit(w);

            assertThat(e.getMessage())
                    .isEqualTo(
                            "HeyGen HTTP 400: This combination of host and port requires TLS. (request id req-plain)")
                    .doesNotContain("null");
            assertThat(e.requestId()).isEqualTo("req-plain");
        }
    }

    @Test
    void givenEmpty502_whenStatus_thenSaysThereWasNoMessage() throws Exception {
        try (Wire w = new Wire(ApiVersion.V3)) {
            for (int i = 0; i < 5; i++) {
                w.enqueue(new MockResponse().setResponseCode(502));
            }
            ProviderException e = null;
            try {
                w.heygen.videos().status(new ProviderRef("v1"));
            } catch (ProviderException thrown) {
                e = thrown;
            }

            assertThat(e).isInstanceOf(ProviderUnavailableException.class);
            assertThat(e.getMessage())
                    .contains("HeyGen HTTP 502: no error message in the response")
                    .doesNotContain("null");
        }
    }

    private static ProviderException submit(Wire w) {
        try {
            w.heygen.videos().submit(ErrorMappingTest.SUBMIT);
        } catch (ProviderException e) {
            return e;
        }
        throw new AssertionError("no exception");
    }
}
