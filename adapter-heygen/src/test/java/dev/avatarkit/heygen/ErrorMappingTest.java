package dev.avatarkit.heygen;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.avatarkit.core.domain.IdempotencyKey;
import dev.avatarkit.core.domain.ProviderRef;
import dev.avatarkit.core.domain.VideoSpec;
import dev.avatarkit.core.port.InsufficientCreditException;
import dev.avatarkit.core.port.InvalidRequestException;
import dev.avatarkit.core.port.NotFoundException;
import dev.avatarkit.core.port.OutcomeUnknownException;
import dev.avatarkit.core.port.ProviderException;
import dev.avatarkit.core.port.SubmitRequest;
import dev.avatarkit.core.port.UnauthorizedException;
import org.junit.jupiter.api.Test;

class ErrorMappingTest {
    static final SubmitRequest SUBMIT =
            new SubmitRequest(VideoSpec.singleAvatar("look1", "voice1", "Hello"), new IdempotencyKey("ak-job-1"), null);

    private ProviderException v3Submit(int status, String body) throws Exception {
        try (Wire w = new Wire(ApiVersion.V3)) {
            w.json(status, body);
            try {
                w.heygen.videos().submit(SUBMIT);
            } catch (ProviderException e) {
                return e;
            }
            throw new AssertionError("no exception");
        }
    }

    @Test
    void given400WithParam_thenInvalidRequestNamingTheField() throws Exception {
        ProviderException e = v3Submit(
                400, "{\"error\":{\"code\":\"invalid_parameter\",\"message\":\"bad voice\",\"param\":\"voice_id\"}}");
        assertThat(e).isInstanceOf(InvalidRequestException.class);
        assertThat(((InvalidRequestException) e).param()).isEqualTo("voice_id");
        assertThat(e.httpStatus()).isEqualTo(400);
        assertThat(e.providerCode()).isEqualTo("invalid_parameter");
        assertThat(e.requestId()).isEqualTo("req-400");
        assertThat(e.getMessage()).contains("bad voice");
    }

    @Test
    void given401Or403_thenUnauthorized() throws Exception {
        assertThat(v3Submit(401, "{\"error\":{\"code\":\"authentication_failed\",\"message\":\"no\"}}"))
                .isInstanceOf(UnauthorizedException.class);
        assertThat(v3Submit(403, "<html>WAF</html>")).isInstanceOf(UnauthorizedException.class);
    }

    @Test
    void given402_thenInsufficientCredit() throws Exception {
        assertThat(v3Submit(402, "{\"error\":{\"code\":\"insufficient_credit\",\"message\":\"5 < 10\"}}"))
                .isInstanceOf(InsufficientCreditException.class);
    }

    @Test
    void given404OnStatus_thenNotFound() throws Exception {
        try (Wire w = new Wire(ApiVersion.V3)) {
            w.json(404, "{\"error\":{\"code\":\"not_found\",\"message\":\"Video not found.\"}}");
            assertThatThrownBy(() -> w.heygen.videos().status(new ProviderRef("nope")))
                    .isInstanceOf(NotFoundException.class);
        }
    }

    @Test
    void givenLegacy200WithNumericErrorCode_thenAnErrorNotAStatus() throws Exception {
        try (Wire w = new Wire(ApiVersion.V2)) {
            w.json(200, "{\"code\":400599,\"message\":\"Your account doesn't have API access\",\"data\":null}");
            assertThatThrownBy(() -> w.heygen.videos().status(new ProviderRef("v1")))
                    .isInstanceOf(UnauthorizedException.class)
                    .satisfies(e ->
                            assertThat(((ProviderException) e).providerCode()).isEqualTo("400599"));
        }
    }

    @Test
    void givenLegacy200WithV2ErrorEnvelope_thenMappedByCode() throws Exception {
        try (Wire w = new Wire(ApiVersion.V2)) {
            w.json(
                    200,
                    "{\"data\":null,\"error\":{\"code\":\"MOVIO_PAYMENT_INSUFFICIENT_CREDIT\",\"message\":\"api credits\"}}");
            assertThatThrownBy(() -> w.heygen.videos().submit(SUBMIT)).isInstanceOf(InsufficientCreditException.class);
            assertThat(w.server.getRequestCount()).isEqualTo(1);
        }
    }

    @Test
    void givenUnreadable200OnCreate_thenOutcomeUnknown() throws Exception {
        try (Wire w = new Wire(ApiVersion.V2)) {
            w.json(200, "{\"data\": {\"video_");
            assertThatThrownBy(() -> w.heygen.videos().submit(SUBMIT)).isInstanceOf(OutcomeUnknownException.class);
        }
    }
}
