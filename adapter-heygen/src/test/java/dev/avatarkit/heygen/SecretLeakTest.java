package dev.avatarkit.heygen;

import static org.assertj.core.api.Assertions.assertThat;

import dev.avatarkit.core.domain.AssetKind;
import dev.avatarkit.core.domain.ProviderRef;
import dev.avatarkit.core.port.ProviderException;
import dev.avatarkit.core.port.ResultFile;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.net.URI;
import org.junit.jupiter.api.Test;

class SecretLeakTest {
    @Test
    void givenAFailingCall_thenNeitherLogNorExceptionContainsTheKey() throws Exception {
        try (Wire w = new Wire(ApiVersion.V3)) {
            // a provider that echoes the key back in its error message must not make us repeat it
            w.json(
                    401,
                    "{\"error\":{\"code\":\"authentication_failed\",\"message\":\"bad x-api-key: " + Wire.KEY + "\"}}");
            ProviderException e = null;
            try {
                w.heygen.videos().status(new ProviderRef("v1"));
            } catch (ProviderException caught) {
                e = caught;
            }
            assertThat(e).isNotNull();
            StringWriter trace = new StringWriter();
            e.printStackTrace(new PrintWriter(trace));
            assertThat(trace.toString()).doesNotContain(Wire.KEY);
            assertThat(String.join("\n", w.log)).isNotEmpty().doesNotContain(Wire.KEY);
            assertThat(w.take().getHeader("X-Api-Key")).isEqualTo(Wire.KEY); // it was sent, in the header only
            assertThat(w.heygen.config().toString()).doesNotContain(Wire.KEY);
            assertThat(new ApiKey(Wire.KEY).toString()).doesNotContain(Wire.KEY);
        }
    }

    @Test
    void givenASignedDownloadUrl_thenTheLogMasksItsQuery_andTheKeyIsNotSentToOtherHosts() throws Exception {
        try (Wire w = new Wire(ApiVersion.V3)) {
            w.enqueue(new okhttp3.mockwebserver.MockResponse().setBody("bytes"));
            // same server, but addressed by another host name: a foreign host as far as the adapter knows
            URI signed = URI.create(w.url("/v.mp4?Expires=99&Signature=SIGSECRET")
                    .replace("localhost", "127.0.0.1")
                    .replace("//" + w.server.getHostName(), "//127.0.0.1"));
            try (var in = w.heygen.videos().download(new ProviderRef("v1"), new ResultFile(AssetKind.VIDEO, signed))) {
                assertThat(new String(in.readAllBytes())).isEqualTo("bytes");
            }
            assertThat(String.join("\n", w.log)).doesNotContain("SIGSECRET").contains("Signature=***");
        }
    }
}
