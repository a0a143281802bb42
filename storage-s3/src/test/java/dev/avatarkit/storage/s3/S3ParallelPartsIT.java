package dev.avatarkit.storage.s3;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.avatarkit.core.domain.AssetKey;
import dev.avatarkit.core.port.PutOptions;
import dev.avatarkit.core.port.StorageException;
import java.time.Clock;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.Test;
import software.amazon.awssdk.core.exception.SdkClientException;
import software.amazon.awssdk.core.interceptor.Context;
import software.amazon.awssdk.core.interceptor.ExecutionAttributes;
import software.amazon.awssdk.core.interceptor.ExecutionInterceptor;
import software.amazon.awssdk.services.s3.S3Client;
import software.amazon.awssdk.services.s3.model.UploadPartRequest;

/** Parts go up in parallel with bounded buffers; one failed part aborts the whole upload, leaving nothing behind. */
class S3ParallelPartsIT {
    private static final int PART = S3StoreConfig.MIN_PART_SIZE;
    private static final PutOptions MP4 = new PutOptions("video/mp4", null);
    private final S3ProxyServer server = S3ProxyServer.get();
    private final S3Client raw = server.raw();

    @Test
    void givenManyParts_whenPut_thenPartsOverlapAndAtMostPartBuffersExist() throws Exception {
        S3StoreConfig config = server.freshConfig().withPartSize(PART);
        PartWatch watch = new PartWatch(-1);
        GeneratedStream source = new GeneratedStream(9L * PART + 11, 3);
        try (S3AssetStore store = store(config, watch)) {
            var put = store.put(new AssetKey("videos/par/video.mp4"), source, MP4);

            assertThat(put.sha256()).isEqualTo(source.sha256());
            assertThat(GeneratedStream.sha256Of(store.open(put.key(), 0))).isEqualTo(source.sha256());
            assertThat(watch.maxConcurrent.get()).isBetween(2, S3Upload.PART_BUFFERS);
            assertThat(store.bufferBytesPerPut()).isEqualTo((long) S3Upload.PART_BUFFERS * PART);
        }
        assertThat(raw.listMultipartUploads(b -> b.bucket(config.bucket()).prefix(config.prefix()))
                        .uploads())
                .as("pending multipart uploads")
                .isEmpty();
    }

    @Test
    void givenTheFourthPartFails_whenPut_thenStorageErrorNoObjectNoPendingUploadAndNoPartStillRunning() {
        S3StoreConfig config = server.freshConfig().withPartSize(PART);
        PartWatch watch = new PartWatch(4);
        AssetKey key = new AssetKey("videos/failpart/video.mp4");
        try (S3AssetStore store = store(config, watch)) {
            assertThatThrownBy(() -> store.put(key, new GeneratedStream(9L * PART, 5), MP4))
                    .isInstanceOf(StorageException.class)
                    .hasMessageContaining("part 4 refused");

            assertThat(watch.running.get())
                    .as("parts still being sent after put returned")
                    .isZero();
            assertThat(store.exists(key)).isFalse();
        }
        assertNothingLeft(config);
    }

    private S3AssetStore store(S3StoreConfig config, PartWatch watch) {
        S3Client client = S3Client.builder()
                .httpClientBuilder(software.amazon.awssdk.http.urlconnection.UrlConnectionHttpClient.builder())
                .region(software.amazon.awssdk.regions.Region.US_EAST_1)
                .endpointOverride(config.endpoint())
                .forcePathStyle(true)
                .credentialsProvider(() -> software.amazon.awssdk.auth.credentials.AwsBasicCredentials.create(
                        config.credentials().accessKeyId(), config.credentials().secretAccessKey()))
                .requestChecksumCalculation(
                        software.amazon.awssdk.core.checksums.RequestChecksumCalculation.WHEN_REQUIRED)
                .overrideConfiguration(o -> o.addExecutionInterceptor(watch))
                .build();
        return new S3AssetStore(config, client, S3Clients.presigner(config), Clock.systemUTC());
    }

    private void assertNothingLeft(S3StoreConfig config) {
        assertThat(raw.listMultipartUploads(b -> b.bucket(config.bucket()).prefix(config.prefix()))
                        .uploads())
                .as("pending multipart uploads")
                .isEmpty();
        assertThat(raw.listObjectsV2(b -> b.bucket(config.bucket()).prefix(config.prefix()))
                        .contents())
                .as("objects or sha256 sidecars left by a failed put")
                .isEmpty();
    }

    /** Counts UploadParts running at once; fails part {@code failing} (after a pause, so others are in flight). */
    private static final class PartWatch implements ExecutionInterceptor {
        final AtomicInteger running = new AtomicInteger();
        final AtomicInteger maxConcurrent = new AtomicInteger();
        private final int failing;

        PartWatch(int failing) {
            this.failing = failing;
        }

        @Override
        public void beforeExecution(Context.BeforeExecution context, ExecutionAttributes attributes) {
            if (!(context.request() instanceof UploadPartRequest part)) return;
            maxConcurrent.accumulateAndGet(running.incrementAndGet(), Math::max);
            if (part.partNumber() == failing) {
                running.decrementAndGet();
                throw SdkClientException.create("part " + failing + " refused");
            }
        }

        @Override
        public void afterExecution(Context.AfterExecution context, ExecutionAttributes attributes) {
            if (context.request() instanceof UploadPartRequest) running.decrementAndGet();
        }

        @Override
        public void onExecutionFailure(Context.FailedExecution context, ExecutionAttributes attributes) {
            if (context.request() instanceof UploadPartRequest part && part.partNumber() != failing)
                running.decrementAndGet();
        }
    }
}
