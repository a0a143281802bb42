package dev.avatarkit.storage.s3;

import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.sun.net.httpserver.HttpServer;
import dev.avatarkit.core.domain.AssetKey;
import dev.avatarkit.core.domain.JobId;
import dev.avatarkit.core.port.PutOptions;
import dev.avatarkit.core.port.StorageException;
import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.io.OutputStream;
import java.net.InetSocketAddress;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/**
 * An endpoint that is not S3-shaped answers with plain text (a TLS-only port reached over http, a proxy): the store's
 * error carries that text, where it used to say {@code (400): null}.
 */
class S3PlainTextErrorIT {
    private static final String TLS_REQUIRED = "This combination of host and port requires TLS.";
    private static final AssetKey KEY = new AssetKey("videos/x/video.mp4");

    private HttpServer server;

    @BeforeEach
    void startServerThatWantsTls() throws IOException {
        server = HttpServer.create(new InetSocketAddress("127.0.0.1", 0), 0);
        server.createContext("/", exchange -> {
            exchange.getRequestBody().readAllBytes();
            byte[] body = (TLS_REQUIRED + "\n").getBytes(StandardCharsets.UTF_8);
            exchange.getResponseHeaders().set("Content-Type", "text/plain; charset=utf-8");
            boolean head = "HEAD".equals(exchange.getRequestMethod());
            exchange.sendResponseHeaders(400, head ? -1 : body.length);
            if (!head) {
                try (OutputStream out = exchange.getResponseBody()) {
                    out.write(body);
                }
            }
            exchange.close();
        });
        server.start();
    }

    @AfterEach
    void stop() {
        server.stop(0);
    }

    @Test
    void givenPlainText400_whenPutOrList_thenTheMessageIsTheServersTextNotNull() {
        try (S3AssetStore store = new S3AssetStore(configAgainst(server))) {
            PutOptions mp4 = new PutOptions("video/mp4", JobId.next(Instant.parse("2026-01-01T00:00:00Z")));
            assertThatThrownBy(() -> store.put(KEY, new ByteArrayInputStream(new byte[] {1}), mp4))
                    .isInstanceOf(StorageException.class)
                    .hasMessageContaining(TLS_REQUIRED)
                    .hasMessageContaining("400")
                    .hasMessageNotContaining("null");
            assertThatThrownBy(() -> store.list("", null, 10))
                    .hasMessageContaining(TLS_REQUIRED)
                    .hasMessageNotContaining("null");
        }
    }

    @Test
    void givenBodiless400_whenStat_thenTheMessageSaysThereWasNoDetailAndSuggestsTheEndpoint() {
        try (S3AssetStore store = new S3AssetStore(configAgainst(server))) {
            assertThatThrownBy(() -> store.stat(KEY))
                    .isInstanceOf(StorageException.class)
                    .hasMessageContainingAll("400", "AVATARKIT_S3_ENDPOINT")
                    .hasMessageNotContaining("null");
        }
    }

    private static S3StoreConfig configAgainst(HttpServer server) {
        URI endpoint = URI.create("http://127.0.0.1:" + server.getAddress().getPort());
        return new S3StoreConfig(
                "media",
                "",
                "us-east-1",
                endpoint,
                true,
                S3StoreConfig.ChecksumMode.WHEN_REQUIRED,
                new S3StoreConfig.Credentials("access", "secret"),
                S3StoreConfig.DEFAULT_PART_SIZE);
    }
}
