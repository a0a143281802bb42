package dev.avatarkit.did;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.avatarkit.core.domain.IdempotencyKey;
import dev.avatarkit.core.domain.ProviderRef;
import dev.avatarkit.core.domain.ValidationException;
import dev.avatarkit.core.domain.VideoSpec;
import dev.avatarkit.core.port.ProviderException;
import dev.avatarkit.core.port.SubmitRequest;
import dev.avatarkit.core.spi.Provider;
import dev.avatarkit.core.spi.ProviderContext;
import java.util.Map;
import java.util.Optional;
import okhttp3.mockwebserver.MockResponse;
import okhttp3.mockwebserver.MockWebServer;
import org.junit.jupiter.api.Test;

/** The API key goes out only in the Authorization header to D-ID: never into messages, log lines or toString. */
class DidSecretsTest {
    @Test
    void givenDidEchoesTheKeyInAnError_whenMapped_thenTheMessageAndTheLogShowOnlyAMask() throws Exception {
        try (DidServer did = new DidServer()) {
            did.answer(400, "{\"kind\":\"BadRequestError\",\"description\":\"bad key " + DidServer.KEY + "\"}");
            did.answer(500, "{\"kind\":\"InternalServerError\",\"description\":\"" + DidServer.KEY + "\"}");
            SubmitRequest request =
                    new SubmitRequest(VideoSpec.singleAvatar("amy-1", "v", "Hello"), new IdempotencyKey("k"), null);

            ProviderException bad = catchProvider(() -> did.videos().submit(request));
            ProviderException unknown = catchProvider(() -> did.videos().submit(request));

            assertThat(bad.getMessage()).contains("bad key ****").doesNotContain(DidServer.KEY);
            assertThat(unknown.getMessage()).doesNotContain(DidServer.KEY);
            assertThat(did.logLines)
                    .hasSize(2)
                    .allSatisfy(line -> assertThat(line).doesNotContain(DidServer.KEY));
            assertThat(did.next().getHeader("Authorization")).isEqualTo("Basic " + DidServer.KEY);
        }
    }

    @Test
    void givenASignedResultUrl_whenLogged_thenItsQueryIsHidden() throws Exception {
        try (DidServer did = new DidServer()) {
            did.answer(200, "{\"talks\":[]}");
            did.answer(200, "{\"clips\":[]}");
            did.videos().reconcile(new IdempotencyKey("k"), DidServer.NOW);
            assertThat(did.logLines.get(0)).contains("/talks?…").doesNotContain("limit=");
        }
    }

    @Test
    void givenTheConfig_whenPrinted_thenTheKeyIsMasked() {
        DidConfig config = DidConfig.from(name ->
                Optional.ofNullable(Map.of(DidPlugin.API_KEY, DidServer.KEY).get(name)));
        assertThat(config.toString()).doesNotContain(DidServer.KEY).contains("****");
    }

    @Test
    void givenNoKey_whenOpened_thenNothingIsSentAndTheFirstCallNamesDidApiKey() throws Exception {
        MockWebServer server = new MockWebServer();
        server.start();
        try (Provider provider = new DidPlugin()
                .open(
                        name -> Optional.ofNullable(
                                Map.of(DidPlugin.BASE_URL, server.url("/").toString())
                                        .get(name)),
                        "",
                        ProviderContext.system())) {
            server.enqueue(new MockResponse().setBody("{}"));
            assertThatThrownBy(() -> provider.videos().orElseThrow().status(new ProviderRef("talk:tlk_1")))
                    .isInstanceOfSatisfying(
                            ValidationException.class,
                            e -> assertThat(e.field()).isEqualTo(DidPlugin.API_KEY))
                    .hasMessageContaining("DID_API_KEY");
            assertThat(server.getRequestCount()).isZero();
        } finally {
            server.shutdown();
        }
    }

    private static ProviderException catchProvider(Runnable call) {
        try {
            call.run();
        } catch (ProviderException e) {
            return e;
        }
        throw new AssertionError("no ProviderException");
    }
}
