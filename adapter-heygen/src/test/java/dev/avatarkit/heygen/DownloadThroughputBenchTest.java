package dev.avatarkit.heygen;

import dev.avatarkit.core.domain.AssetKind;
import dev.avatarkit.core.domain.ProviderRef;
import dev.avatarkit.core.port.ResultFile;
import dev.avatarkit.core.port.Sleeper;
import dev.avatarkit.sim.HeyGenSimulator;
import java.io.InputStream;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.time.Clock;
import java.util.concurrent.Callable;
import okhttp3.OkHttpClient;
import okhttp3.Request;
import okhttp3.Response;
import org.junit.jupiter.api.Assumptions;
import org.junit.jupiter.api.Test;

/**
 * Diagnostic only, asserts nothing: reads one {@code /_sim/blob} through several clients and prints MiB/s (to stdout
 * and {@code target/download-bench.txt}). Off unless {@code -Davatarkit.bench=true}; size via
 * {@code -Davatarkit.bench.size=BYTES} (default 1 GiB), rounds via {@code -Davatarkit.bench.rounds=N}:
 * {@code mvn -q -o -pl adapter-heygen surefire:test -Dtest=DownloadThroughputBenchTest -Davatarkit.bench=true
 * -DunitTest.jvmFlags=} (empty: the full JIT and the default collector, not the unit tests' quick-start flags).
 */
class DownloadThroughputBenchTest {
    private static final double MIB = 1024 * 1024;

    @Test
    void printThroughputPerClient() throws Exception {
        Assumptions.assumeTrue(Boolean.getBoolean("avatarkit.bench"), "set -Davatarkit.bench=true");
        long size = Long.getLong("avatarkit.bench.size", 1L << 30);
        int rounds = Integer.getInteger("avatarkit.bench.rounds", 2);
        HeyGenSimulator sim = HeyGenSimulator.builder().port(0).build().start();
        HeyGen heygen = HeyGen.create(
                HeyGenConfig.of(new ApiKey("bench"))
                        .withBaseUrl(URI.create(sim.baseUrl()))
                        .withUploadUrl(URI.create(sim.baseUrl())),
                Clock.systemUTC(),
                Sleeper.system());
        String url = sim.baseUrl().replaceAll("/+$", "") + "/_sim/blob?size=" + size;
        OkHttpClient plain = new OkHttpClient();
        HttpClient jdk =
                HttpClient.newBuilder().version(HttpClient.Version.HTTP_1_1).build();
        Transport transport = new Transport(
                heygen.config(),
                Clock.systemUTC(),
                Sleeper.system(),
                null,
                s -> {},
                dev.avatarkit.core.port.ProviderCallListener.NONE);
        StringBuilder out = new StringBuilder("blob " + size + " bytes, " + rounds + " rounds\n");
        try {
            for (int round = 1; round <= rounds; round++) {
                out.append(line(round, "curl", size, () -> curl(url)));
                out.append(line(round, "okhttp plain byteStream 64K", size, () -> {
                    try (Response r = plain.newCall(
                                    new Request.Builder().url(url).build())
                            .execute()) {
                        return drain(r.body().byteStream());
                    }
                }));
                out.append(line(round, "transport transfer client 64K", size, () -> {
                    try (Response r = transport
                            .transferClient()
                            .newCall(new Request.Builder()
                                    .url(url)
                                    .header("Accept-Encoding", "identity")
                                    .build())
                            .execute()) {
                        return drain(r.body().byteStream());
                    }
                }));
                out.append(line(round, "ResumableDownload (videos().download) 64K", size, () -> {
                    try (InputStream in = heygen.videos()
                            .download(new ProviderRef("bench"), new ResultFile(AssetKind.VIDEO, URI.create(url)))) {
                        return drain(in);
                    }
                }));
                out.append(line(round, "ResumableDownload transferTo (8K reads)", size, () -> {
                    try (InputStream in = heygen.videos()
                            .download(new ProviderRef("bench"), new ResultFile(AssetKind.VIDEO, URI.create(url)))) {
                        return in.transferTo(java.io.OutputStream.nullOutputStream());
                    }
                }));
                out.append(line(round, "java.net.http ofInputStream 64K", size, () -> {
                    HttpResponse<InputStream> r = jdk.send(
                            HttpRequest.newBuilder(URI.create(url)).build(), HttpResponse.BodyHandlers.ofInputStream());
                    try (InputStream in = r.body()) {
                        return drain(in);
                    }
                }));
            }
        } finally {
            System.out.print(out);
            Files.writeString(
                    Path.of("target", "download-bench.txt"),
                    out,
                    StandardCharsets.UTF_8,
                    StandardOpenOption.CREATE,
                    StandardOpenOption.APPEND);
            transport.close();
            heygen.close();
            sim.close();
        }
    }

    private static String line(int round, String name, long size, Callable<Long> read) throws Exception {
        System.gc();
        long start = System.nanoTime();
        long n = read.call();
        double s = (System.nanoTime() - start) / 1e9;
        if (n != size) return String.format("round %d %-45s read %d of %d bytes!%n", round, name, n, size);
        return String.format("round %d %-45s %8.1f MiB/s (%.2f s)%n", round, name, n / MIB / s, s);
    }

    private static long drain(InputStream in) throws java.io.IOException {
        byte[] buffer = new byte[64 * 1024];
        long total = 0;
        for (int n; (n = in.read(buffer)) >= 0; ) total += n;
        return total;
    }

    private static long curl(String url) throws Exception {
        Process p = new ProcessBuilder("curl", "-s", "-o", "/dev/null", "-w", "%{size_download}", url)
                .redirectErrorStream(true)
                .start();
        String written = new String(p.getInputStream().readAllBytes(), StandardCharsets.US_ASCII).trim();
        p.waitFor();
        return Long.parseLong(written);
    }
}
