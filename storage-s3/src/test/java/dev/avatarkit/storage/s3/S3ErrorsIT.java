package dev.avatarkit.storage.s3;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.avatarkit.core.domain.AssetKey;
import dev.avatarkit.core.domain.JobId;
import dev.avatarkit.core.domain.ValidationException;
import dev.avatarkit.core.port.PutOptions;
import dev.avatarkit.core.port.StorageException;
import dev.avatarkit.core.port.StorageException.Reason;
import java.io.ByteArrayInputStream;
import java.io.InputStream;
import java.net.HttpURLConnection;
import java.net.ServerSocket;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.Instant;
import org.assertj.core.api.ThrowableAssert.ThrowingCallable;
import org.junit.jupiter.api.Test;
import software.amazon.awssdk.services.s3.model.HeadObjectResponse;

/** What users see when the bucket, the credentials or the endpoint are wrong, and the presigned URL path. */
class S3ErrorsIT {
    private static final AssetKey KEY = new AssetKey("videos/x/video.mp4");
    private static final PutOptions MP4 =
            new PutOptions("video/mp4", JobId.next(Instant.parse("2026-01-01T00:00:00Z")));
    private final S3ProxyServer server = S3ProxyServer.get();

    @Test
    void givenMissingBucket_whenPutListOpen_thenBucketMissingNamingItAndTheSetting() {
        S3StoreConfig config = new S3StoreConfig(
                "no-such-bucket-here",
                "",
                null,
                server.endpoint(),
                true,
                S3StoreConfig.ChecksumMode.WHEN_REQUIRED,
                new S3StoreConfig.Credentials(S3ProxyServer.ACCESS, S3ProxyServer.SECRET),
                S3StoreConfig.DEFAULT_PART_SIZE);
        try (S3AssetStore store = new S3AssetStore(config)) {
            assertReason(
                    () -> store.put(KEY, bytes("x"), MP4),
                    Reason.BUCKET_MISSING,
                    "no-such-bucket-here",
                    "AVATARKIT_S3_BUCKET");
            assertReason(
                    () -> store.list("", null, 10),
                    Reason.BUCKET_MISSING,
                    "no-such-bucket-here",
                    "AVATARKIT_S3_BUCKET");
            assertReason(() -> store.open(KEY, 0), Reason.BUCKET_MISSING, "no-such-bucket-here", "AVATARKIT_S3_BUCKET");
        }
    }

    @Test
    void givenWrongSecret_whenPutOrList_thenPermissionDeniedWithoutTheSecret() {
        S3StoreConfig config = server.freshConfig()
                .withCredentials(new S3StoreConfig.Credentials(S3ProxyServer.ACCESS, "wrong-secret"));
        try (S3AssetStore store = new S3AssetStore(config)) {
            assertReason(
                    () -> store.put(KEY, bytes("x"), MP4),
                    Reason.PERMISSION_DENIED,
                    "access denied",
                    "AWS_ACCESS_KEY_ID");
            assertReason(() -> store.list("", null, 10), Reason.PERMISSION_DENIED, "access denied");
            assertThatThrownBy(() -> store.list("", null, 10)).message().doesNotContain("wrong-secret");
        }
    }

    @Test
    void givenNothingListening_whenList_thenIoNamingTheEndpointSetting() throws Exception {
        int port;
        try (ServerSocket socket = new ServerSocket(0)) {
            port = socket.getLocalPort();
        }
        S3StoreConfig config = server.freshConfig()
                .withEndpoint(URI.create("http://127.0.0.1:" + port), true, S3StoreConfig.ChecksumMode.WHEN_REQUIRED);
        try (S3AssetStore store = new S3AssetStore(config)) {
            assertReason(() -> store.list("", null, 10), Reason.IO, "AVATARKIT_S3_ENDPOINT");
        }
    }

    @Test
    void givenSmallObject_whenPut_thenOnePutObjectWithSha256AndSourceJobMetadata() {
        S3StoreConfig config = server.freshConfig();
        try (S3AssetStore store = new S3AssetStore(config)) {
            String sha = store.put(KEY, bytes("hello"), MP4).sha256();

            HeadObjectResponse head =
                    server.raw().headObject(b -> b.bucket(config.bucket()).key(config.prefix() + KEY.value()));
            assertThat(head.metadata())
                    .containsEntry("sha256", sha)
                    .containsEntry("source-job", MP4.sourceJob().value());
            assertThat(head.contentType()).isEqualTo("video/mp4");
            assertThat(store.stat(KEY).orElseThrow().uri())
                    .hasToString("s3://avatarkit-it/" + config.prefix() + KEY.value());
        }
    }

    @Test
    void givenObject_whenPresigned_thenPlainHttpGetReturnsTheBytes() throws Exception {
        S3StoreConfig config = server.freshConfig();
        try (S3AssetStore store = new S3AssetStore(config)) {
            store.put(KEY, bytes("presigned body"), MP4);

            URI url = store.presignedUrl(KEY, Duration.ofMinutes(5)).orElseThrow();

            HttpURLConnection http = (HttpURLConnection) url.toURL().openConnection();
            assertThat(http.getResponseCode()).isEqualTo(200);
            try (InputStream in = http.getInputStream()) {
                assertThat(new String(in.readAllBytes(), StandardCharsets.UTF_8))
                        .isEqualTo("presigned body");
            }
            assertThat(url.getQuery()).contains("X-Amz-Signature=", "X-Amz-Expires=300");
            assertThatThrownBy(() -> store.presignedUrl(KEY, Duration.ofDays(8)))
                    .isInstanceOf(ValidationException.class);
        }
    }

    private static void assertReason(ThrowingCallable call, Reason reason, String... messageParts) {
        assertThatThrownBy(call)
                .isInstanceOfSatisfying(
                        StorageException.class, e -> assertThat(e.reason()).isEqualTo(reason))
                .hasMessageContainingAll(messageParts);
    }

    private static ByteArrayInputStream bytes(String s) {
        return new ByteArrayInputStream(s.getBytes(StandardCharsets.UTF_8));
    }
}
