package dev.avatarkit.storage.s3;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.avatarkit.core.domain.AssetKey;
import dev.avatarkit.core.port.PutOptions;
import dev.avatarkit.core.port.StorageException;
import java.io.IOException;
import java.io.OutputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.util.Map;
import java.util.TreeMap;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.function.BiConsumer;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
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
        assertFourthPartFailureLeavesNothing(
                "videos/failpart/video.mp4", (store, key) -> store.put(key, new GeneratedStream(9L * PART, 5), MP4));
    }

    @Test
    void givenFileOfMoreThanTwoRoundsOfParts_whenPut_thenFewerBiggerPartsThanAStreamAndTheSameBytes(@TempDir Path dir)
            throws Exception {
        S3StoreConfig config = server.freshConfig().withPartSize(PART);
        PartWatch watch = new PartWatch(-1);
        long size = 24L * PART + 11; // a stream of this size goes up in 25 parts of PART
        GeneratedStream source = new GeneratedStream(size, 7);
        Path file = write(dir.resolve("video.mp4"), source);
        try (S3AssetStore store = store(config, watch)) {
            var put = store.put(new AssetKey("videos/file/video.mp4"), file, MP4);

            assertThat(put.size()).isEqualTo(size);
            assertThat(put.sha256()).isEqualTo(source.sha256());
            assertThat(GeneratedStream.sha256Of(store.open(put.key(), 0))).isEqualTo(source.sha256());
            Map<Integer, Long> parts = new TreeMap<>(watch.lengths);
            long part = parts.get(1);
            assertThat(part).as("file part size").isGreaterThan(PART);
            assertThat(parts).hasSize((int) ((size + part - 1) / part));
            parts.forEach((number, length) -> assertThat(length)
                    .as("part " + number)
                    .isEqualTo(number < parts.size() ? part : size - (parts.size() - 1) * part));
        }
        assertThat(raw.listMultipartUploads(b -> b.bucket(config.bucket()).prefix(config.prefix()))
                        .uploads())
                .as("pending multipart uploads")
                .isEmpty();
    }

    @Test
    void givenTheFourthPartOfAFileFails_whenPut_thenStorageErrorNoObjectNoPendingUploadAndNoPartStillRunning(
            @TempDir Path dir) throws Exception {
        Path file = write(dir.resolve("video.mp4"), new GeneratedStream(24L * PART, 9));
        assertFourthPartFailureLeavesNothing("videos/failfile/video.mp4", (store, key) -> store.put(key, file, MP4));
    }

    /** {@code put} fails at part 4 (refused by the client): a StorageException, no part still running, nothing left. */
    private void assertFourthPartFailureLeavesNothing(String objectKey, BiConsumer<S3AssetStore, AssetKey> put) {
        S3StoreConfig config = server.freshConfig().withPartSize(PART);
        PartWatch watch = new PartWatch(4);
        AssetKey key = new AssetKey(objectKey);
        try (S3AssetStore store = store(config, watch)) {
            assertThatThrownBy(() -> put.accept(store, key))
                    .isInstanceOf(StorageException.class)
                    .hasMessageContaining("part 4 refused");

            assertThat(watch.running.get())
                    .as("parts still being sent after put returned")
                    .isZero();
            assertThat(store.exists(key)).isFalse();
        }
        assertNothingLeft(config);
    }

    private static Path write(Path file, GeneratedStream source) throws IOException {
        try (OutputStream out = Files.newOutputStream(file)) {
            source.transferTo(out);
        }
        return file;
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
        /** Content length of each part, by part number. */
        final Map<Integer, Long> lengths = new ConcurrentHashMap<>();

        private final int failing;

        PartWatch(int failing) {
            this.failing = failing;
        }

        @Override
        public void beforeExecution(Context.BeforeExecution context, ExecutionAttributes attributes) {
            if (!(context.request() instanceof UploadPartRequest part)) return;
            maxConcurrent.accumulateAndGet(running.incrementAndGet(), Math::max);
            lengths.put(part.partNumber(), part.contentLength());
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
