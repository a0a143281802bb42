package dev.avatarkit.storage.s3;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.avatarkit.core.domain.AssetKey;
import dev.avatarkit.core.port.PutOptions;
import dev.avatarkit.core.port.StorageException;
import dev.avatarkit.core.port.StoredObject;
import java.lang.management.ManagementFactory;
import java.lang.management.MemoryPoolMXBean;
import java.lang.management.MemoryType;
import java.util.List;
import org.junit.jupiter.api.Test;
import software.amazon.awssdk.services.s3.S3Client;
import software.amazon.awssdk.services.s3.model.HeadObjectResponse;

/** Big objects: multipart in bounded memory, byte-identical read-back, abort on failure. */
class S3LargeObjectIT {
    private static final long MIB = 1024 * 1024;
    private static final PutOptions MP4 = new PutOptions("video/mp4", null);
    private final S3ProxyServer server = S3ProxyServer.get();
    private final S3Client raw = server.raw();

    @Test
    void given120MiBStreamOfUnknownLength_whenPut_thenMultipartInOnePartBufferAndByteIdenticalThroughPlainGetObject()
            throws Exception {
        S3StoreConfig config = server.freshConfig();
        long size = 120 * MIB + 12_345; // not a multiple of the part size: the last part is short
        AssetKey key = new AssetKey("videos/big/video.mp4");
        try (S3AssetStore store = new S3AssetStore(config)) {
            GeneratedStream source = new GeneratedStream(size, 42);
            List<MemoryPoolMXBean> heap = ManagementFactory.getMemoryPoolMXBeans().stream()
                    .filter(p -> p.getType() == MemoryType.HEAP)
                    .toList();
            System.gc();
            long before =
                    ManagementFactory.getMemoryMXBean().getHeapMemoryUsage().getUsed();
            heap.forEach(MemoryPoolMXBean::resetPeakUsage);
            long start = System.nanoTime();

            StoredObject put = store.put(key, source, MP4);

            double seconds = (System.nanoTime() - start) / 1e9;
            long peak = heap.stream().mapToLong(p -> p.getPeakUsage().getUsed()).sum();
            System.gc();
            long after =
                    ManagementFactory.getMemoryMXBean().getHeapMemoryUsage().getUsed();
            System.out.printf(
                    "S3 put of %.1f MiB (part size %d MiB): %.1f s, %.1f MiB/s; heap used before %d MiB,"
                            + " peak %d MiB (sum of pool peaks, includes the in-JVM S3Proxy and garbage), after GC %d MiB;"
                            + " store buffer per put %d MiB%n",
                    size / (double) MIB,
                    config.partSize() / MIB,
                    seconds,
                    size / (double) MIB / seconds,
                    before / MIB,
                    peak / MIB,
                    after / MIB,
                    store.bufferBytesPerPut() / MIB);

            assertThat(put.size()).isEqualTo(size);
            assertThat(put.sha256()).isEqualTo(source.sha256());
            assertThat(store.bufferBytesPerPut())
                    .isEqualTo((long) S3Upload.PART_BUFFERS * config.partSize())
                    .isLessThanOrEqualTo(32 * MIB);
            assertThat(after - before)
                    .as("nothing of the object stays on the heap")
                    .isLessThan(64 * MIB);
            String objectKey = config.prefix() + key.value();
            HeadObjectResponse head =
                    raw.headObject(b -> b.bucket(config.bucket()).key(objectKey));
            assertThat(head.contentType()).isEqualTo("video/mp4");
            assertThat(store.stat(key).orElseThrow().sha256())
                    .as("sha256 read back")
                    .isEqualTo(source.sha256());
            assertThat(GeneratedStream.sha256Of(
                            raw.getObject(b -> b.bucket(config.bucket()).key(objectKey))))
                    .isEqualTo(source.sha256());
            assertNoLeftovers(config);
        }
    }

    @Test
    void givenMultipartObject_whenPut_thenItsSha256IsInAHiddenSidecarWrittenInPlaceWithoutACopy() throws Exception {
        S3StoreConfig config = server.freshConfig().withPartSize(S3StoreConfig.MIN_PART_SIZE);
        AssetKey key = new AssetKey("videos/sidecar/video.mp4");
        try (S3AssetStore store = new S3AssetStore(config)) {
            GeneratedStream source = new GeneratedStream(13 * MIB + 7, 7);

            StoredObject put = store.put(
                    key,
                    source,
                    new PutOptions("video/mp4", new dev.avatarkit.core.domain.JobId("01M8DJNKYQY99BVKG0GC1CNEAG")));

            assertThat(put.sha256()).isEqualTo(source.sha256());
            assertThat(store.stat(key).orElseThrow().sha256()).isEqualTo(source.sha256());
            assertThat(GeneratedStream.sha256Of(store.open(key, 0))).isEqualTo(source.sha256());
            String sidecar = config.prefix() + ".sha256/" + key.value();
            assertThat(raw.getObjectAsBytes(b -> b.bucket(config.bucket()).key(sidecar))
                            .asUtf8String())
                    .isEqualTo(source.sha256());
            assertThat(raw.headObject(b -> b.bucket(config.bucket()).key(config.prefix() + key.value()))
                            .metadata())
                    .as("the rest of the metadata is set at CreateMultipartUpload")
                    .containsEntry("source-job", "01M8DJNKYQY99BVKG0GC1CNEAG")
                    .doesNotContainKey("sha256");
            assertThat(store.list("videos/", null, 10).items())
                    .extracting(StoredObject::key)
                    .containsExactly(key);

            assertThat(store.delete(key)).isTrue();
            assertThat(raw.listObjectsV2(b -> b.bucket(config.bucket()).prefix(config.prefix()))
                            .contents())
                    .as("object and sidecar deleted")
                    .isEmpty();
            assertNoLeftovers(config);
        }
    }

    @Test
    void givenSourceFailingAfterTwoParts_whenPut_thenSourceFailedNoObjectAndNoPendingUpload() {
        S3StoreConfig config = server.freshConfig();
        AssetKey key = new AssetKey("videos/broken/video.mp4");
        try (S3AssetStore store = new S3AssetStore(config)) {
            GeneratedStream source = new GeneratedStream(100 * MIB, 1, 2 * config.partSize() + 1000);

            assertThatThrownBy(() -> store.put(key, source, MP4))
                    .isInstanceOfSatisfying(
                            StorageException.class,
                            e -> assertThat(e.reason()).isEqualTo(StorageException.Reason.SOURCE_FAILED))
                    .hasMessageContaining("connection reset");

            assertThat(store.exists(key)).isFalse();
            assertThat(raw.listObjectsV2(b -> b.bucket(config.bucket()).prefix(config.prefix()))
                            .contents())
                    .isEmpty();
            assertNoLeftovers(config);
        }
    }

    private void assertNoLeftovers(S3StoreConfig config) {
        assertThat(raw.listMultipartUploads(b -> b.bucket(config.bucket()).prefix(config.prefix()))
                        .uploads())
                .as("pending multipart uploads")
                .isEmpty();
        assertThat(raw.listObjectsV2(b -> b.bucket(config.bucket()).prefix(config.prefix() + ".uploads/"))
                        .contents())
                .as("staging objects (before issue 17)")
                .isEmpty();
    }
}
