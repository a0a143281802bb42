package dev.avatarkit.bench;

import dev.avatarkit.core.domain.AssetKey;
import dev.avatarkit.core.domain.AssetKind;
import dev.avatarkit.core.domain.ProviderRef;
import dev.avatarkit.core.port.AssetStore;
import dev.avatarkit.core.port.PutOptions;
import dev.avatarkit.core.port.ResultFile;
import dev.avatarkit.core.port.Sleeper;
import dev.avatarkit.core.port.StoredObject;
import dev.avatarkit.heygen.ApiKey;
import dev.avatarkit.heygen.HeyGen;
import dev.avatarkit.heygen.HeyGenConfig;
import dev.avatarkit.storage.local.LocalAssetStore;
import dev.avatarkit.storage.local.LocalStoreConfig;
import dev.avatarkit.storage.s3.S3AssetStore;
import dev.avatarkit.storage.s3.S3StoreConfig;
import java.io.InputStream;
import java.net.URI;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.util.Map;

/**
 * Our side of the download benchmark, one transfer per JVM (run it with -Xmx64m):
 * {@code DownloadBench --sim http://127.0.0.1:8900 --size BYTES --target local --dir D} streams
 * {@code /_sim/blob?size=BYTES} through the HeyGen adapter's {@code download} into {@code LocalAssetStore.put};
 * {@code --target s3 --endpoint URL --bucket B} into {@code S3AssetStore.put} instead;
 * {@code --target s3 --from-file F} puts a local file (same bytes) to S3, the like-for-like of {@code aws s3 cp};
 * {@code --from-file F} uses the store's {@code put(key, Path)} (kernel copy / parts read from the file), and with
 * {@code --stream} the {@code put(key, InputStream)} of the same file instead (the path before issue 17's third pass).
 * {@code --target none} only drains the stream (diagnostic: the adapter's download alone).
 * {@code --warm-mib N} (16) puts N MiB through the same path before the clock starts (0: cold).
 * Prints one line: {@code RESULT target=… bytes=… seconds=… mib_s=… peak_heap_mib=… max_heap_mib=… peak_rss_mib=… sha256=…}.
 */
public final class DownloadBench {
    private DownloadBench() {}

    public static void main(String[] argv) throws Exception {
        Map<String, String> args = Measure.args(argv);
        String target = args.getOrDefault("target", "local");
        long size = Long.parseLong(args.getOrDefault("size", String.valueOf(1024 * Measure.MIB)));
        AssetKey key = AssetKey.of("bench", "run-" + System.nanoTime(), "video.mp4");
        PutOptions options = new PutOptions("video/mp4", null);

        AssetStore store;
        S3AssetStore s3 = null;
        if (target.equals("local")) {
            store = new LocalAssetStore(
                    new LocalStoreConfig(Path.of(args.get("dir")).toAbsolutePath()), Clock.systemUTC());
        } else if (target.equals("s3")) {
            S3StoreConfig config = S3StoreConfig.forBucket(args.getOrDefault("bucket", "bench"))
                    .withRegion("us-east-1")
                    .withEndpoint(URI.create(args.get("endpoint")), true, S3StoreConfig.ChecksumMode.WHEN_REQUIRED)
                    .withCredentials(new S3StoreConfig.Credentials(S3ProxyMain.ACCESS, S3ProxyMain.SECRET));
            store = s3 = new S3AssetStore(config);
        } else if (target.equals("none")) {
            store = null; // diagnostic: drain the source into a 64 KiB buffer, no store, no hashing
        } else {
            throw new IllegalArgumentException("--target local|s3|none");
        }

        // The adapter is built and warmed (TLS, logging, first connection) before the clock starts: a server or a
        // CLI batch pays that once, not per asset. It is reported separately as setup_seconds.
        HeyGen heygen = null;
        URI sim = URI.create(args.getOrDefault("sim", "http://127.0.0.1:8900"));
        long setupStart = System.nanoTime();
        if (!args.containsKey("from-file")) {
            heygen = HeyGen.create(
                    HeyGenConfig.of(new ApiKey("bench")).withBaseUrl(sim).withUploadUrl(sim),
                    Clock.systemUTC(),
                    Sleeper.system());
            URI warm = URI.create(sim.toString().replaceAll("/+$", "") + "/_sim/blob?size=1048576");
            try (InputStream in =
                    heygen.videos().download(new ProviderRef("bench-warmup"), new ResultFile(AssetKind.VIDEO, warm))) {
                in.transferTo(java.io.OutputStream.nullOutputStream());
            }
        }
        // The store's path is warmed too (--warm-mib, 16 by default; 0 = cold): in a JVM started for one transfer, the
        // SHA-256 intrinsic and the copy loops are still interpreted or queued for the JIT, which on a loaded machine
        // took seconds (issue 17's third pass); a server pays that once.
        long warmBytes = Long.parseLong(args.getOrDefault("warm-mib", "16")) * Measure.MIB;
        if (store != null && warmBytes > 0) {
            AssetKey warmKey = AssetKey.of("bench", "warm-" + System.nanoTime(), "video.mp4");
            if (args.containsKey("from-file")) {
                Path warmFile = Files.createTempFile("download-bench-warm", ".bin");
                try {
                    try (InputStream zeros = new java.io.ByteArrayInputStream(new byte[(int) warmBytes])) {
                        Files.copy(zeros, warmFile, java.nio.file.StandardCopyOption.REPLACE_EXISTING);
                    }
                    if (args.containsKey("stream")) {
                        try (InputStream in = Files.newInputStream(warmFile)) {
                            store.put(warmKey, in, options);
                        }
                    } else {
                        store.put(warmKey, warmFile, options);
                    }
                } finally {
                    Files.deleteIfExists(warmFile);
                }
            } else {
                URI warmBlob = URI.create(sim.toString().replaceAll("/+$", "") + "/_sim/blob?size=" + warmBytes);
                try (InputStream in = heygen.videos()
                        .download(new ProviderRef("bench-warm-store"), new ResultFile(AssetKind.VIDEO, warmBlob))) {
                    store.put(warmKey, in, options);
                }
            }
            store.delete(warmKey);
        }
        double setupSeconds = (System.nanoTime() - setupStart) / 1e9;
        System.out.printf("SETUP setup_seconds=%.3f%n", setupSeconds);
        Measure.resetHeapPeak();
        long start = System.nanoTime();
        StoredObject stored;
        if (args.containsKey("from-file") && store != null && !args.containsKey("stream")) {
            stored = store.put(key, Path.of(args.get("from-file")), options);
        } else if (args.containsKey("from-file")) {
            try (InputStream in = Files.newInputStream(Path.of(args.get("from-file")))) {
                stored = store == null ? drain(key, in) : store.put(key, in, options);
            }
        } else {
            URI blob = URI.create(sim.toString().replaceAll("/+$", "") + "/_sim/blob?size=" + size);
            try (InputStream in = heygen.videos()
                    .download(new ProviderRef("bench-download"), new ResultFile(AssetKind.VIDEO, blob))) {
                stored = store == null ? drain(key, in) : store.put(key, in, options);
            }
        }
        double seconds = (System.nanoTime() - start) / 1e9;
        long peakHeap = Measure.peakHeapBytes();
        if (stored.size() != size)
            throw new IllegalStateException("stored " + stored.size() + " bytes, expected " + size);
        System.out.printf(
                "RESULT target=%s%s bytes=%d seconds=%.3f mib_s=%.1f peak_heap_mib=%.1f max_heap_mib=%d peak_rss_mib=%.1f sha256=%s%n",
                target,
                args.containsKey("from-file") ? (args.containsKey("stream") ? "-from-file-stream" : "-from-file") : "",
                stored.size(),
                seconds,
                stored.size() / (double) Measure.MIB / seconds,
                peakHeap / (double) Measure.MIB,
                Measure.maxHeapBytes() / Measure.MIB,
                Measure.peakRssBytes() / (double) Measure.MIB,
                stored.sha256());
        if (store != null && !args.containsKey("keep")) store.delete(key);
        if (heygen != null) heygen.close();
        if (s3 != null) s3.close();
    }

    private static StoredObject drain(AssetKey key, InputStream in) throws java.io.IOException {
        byte[] buffer = new byte[64 * 1024];
        long total = 0;
        for (int n; (n = in.read(buffer)) > 0; ) total += n;
        return new StoredObject(key, null, total, "-", "application/octet-stream", java.time.Instant.now());
    }
}
