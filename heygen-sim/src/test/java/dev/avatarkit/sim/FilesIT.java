package dev.avatarkit.sim;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.net.URI;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.concurrent.TimeUnit;
import javax.imageio.ImageIO;
import org.junit.jupiter.api.Test;

class FilesIT extends SimHarness {
    private Res fetch(String url, String... headers) throws Exception {
        HttpRequest.Builder b = HttpRequest.newBuilder(URI.create(url));
        for (int i = 0; i < headers.length; i += 2) b.header(headers[i], headers[i + 1]);
        HttpResponse<byte[]> r = http.send(b.build(), HttpResponse.BodyHandlers.ofByteArray());
        return new Res(r.statusCode(), r.headers(), r.body());
    }

    private String completedVideo() throws Exception {
        String id = createV3Video("");
        awaitCheck(() -> "completed".equals(v3Status(id)), Duration.ofSeconds(5));
        return id;
    }

    @Test
    void mp4_thumbnail_and_srt_are_real(@org.junit.jupiter.api.io.TempDir Path tmp) throws Exception {
        start(HeyGenSimulator.builder().port(0).renderTime(Duration.ofMillis(100)));
        String id = completedVideo();
        var data = get("/v3/videos/" + id).data();
        Res mp4 = fetch((String) data.get("video_url"));
        assertThat(mp4.status()).isEqualTo(200);
        assertThat(new String(mp4.body(), 4, 4)).isEqualTo("ftyp");
        Path file = tmp.resolve("v.mp4");
        Files.write(file, mp4.body());
        try {
            Process p = new ProcessBuilder("ffprobe", "-v", "error", "-show_format", file.toString())
                    .redirectErrorStream(true)
                    .start();
            assertThat(p.waitFor(20, TimeUnit.SECONDS)).isTrue();
            assertThat(p.exitValue())
                    .as(new String(p.getInputStream().readAllBytes()))
                    .isZero();
        } catch (IOException noFfprobe) {
            System.out.println("SKIPPED ffprobe check: ffprobe not installed (" + noFfprobe.getMessage() + ")");
        }
        Res jpg = fetch((String) data.get("thumbnail_url"));
        assertThat(ImageIO.read(new ByteArrayInputStream(jpg.body()))).isNotNull();
        assertThat(jpg.headers().firstValue("Content-Type")).hasValue("image/jpeg");
        assertThat(fetch((String) data.get("subtitle_url")).text())
                .startsWith("1\n00:00:00,000 --> 00:00:02,000\nHello world.");
    }

    @Test
    void urls_expire_on_the_sim_clock_and_bad_signatures_are_refused() throws Exception {
        SimClock.Manual clock = new SimClock.Manual(Instant.parse("2026-08-01T00:00:00Z"));
        start(HeyGenSimulator.builder()
                .port(0)
                .clock(clock)
                .renderTime(Duration.ofSeconds(1))
                .urlTtl(Duration.ofMinutes(10)));
        String id = createV3Video("");
        clock.advance(Duration.ofSeconds(2));
        sim.tick();
        String url = (String) get("/v3/videos/" + id).data().get("video_url");
        assertThat(fetch(url).status()).isEqualTo(200);
        assertThat(fetch(url.replace("sig=", "sig=0")).status()).isEqualTo(403);
        clock.advance(Duration.ofMinutes(11));
        Res expired = fetch(url);
        assertThat(expired.status()).isEqualTo(403);
        assertThat(expired.text()).contains("AccessDenied");
        assertThat(fetch((String) get("/v3/videos/" + id).data().get("video_url"))
                        .status())
                .isEqualTo(200); // fresh URL works
    }

    @Test
    void expired_url_fault_once_and_truncated_download() throws Exception {
        start(HeyGenSimulator.builder().port(0).renderTime(Duration.ofMillis(100)));
        String id = completedVideo();
        String url = (String) get("/v3/videos/" + id).data().get("video_url");
        sim.faults()
                .add(FaultRule.on("GET /_sim/files/{token}", FaultKind.EXPIRED_URL)
                        .next(1));
        assertThat(fetch(url).status()).isEqualTo(403);
        assertThat(fetch(url).status()).isEqualTo(200);
        sim.faults()
                .add(FaultRule.on("GET /_sim/files/{token}", FaultKind.TRUNCATE)
                        .bytes(1000)
                        .next(1));
        assertThatThrownBy(() -> fetch(url)).isInstanceOf(IOException.class);
        assertThat(fetch(url).body()).hasSize(MediaStore.sampleMp4().length);
    }

    @Test
    void large_blob_is_streamed_exactly_with_range_support() throws Exception {
        start(HeyGenSimulator.builder().port(0));
        long size = 64L * 1024 * 1024 + 3;
        HttpResponse<InputStream> r = http.send(
                HttpRequest.newBuilder(URI.create(sim.blobUrl(size))).build(),
                HttpResponse.BodyHandlers.ofInputStream());
        long n = 0;
        try (InputStream in = r.body()) {
            byte[] buf = new byte[1 << 16];
            for (int k; (k = in.read(buf)) > 0; ) n += k;
        }
        assertThat(n).isEqualTo(size);
        assertThat(r.headers().firstValueAsLong("Content-Length")).hasValue(size);
        Res part = fetch(sim.baseUrl() + "/_sim/blob?size=" + size, "Range", "bytes=100-199");
        assertThat(part.status()).isEqualTo(206);
        assertThat(part.body()).hasSize(100);
        assertThat(part.body()[0]).isEqualTo(FileRoutes.patternAt(100));
        assertThat(part.headers().firstValue("Content-Range")).hasValue("bytes 100-199/" + size);
        Res tail = fetch(sim.baseUrl() + "/_sim/blob?size=" + size, "Range", "bytes=" + (size - 10) + "-");
        assertThat(tail.body()).hasSize(10);
        assertThat(fetch(sim.baseUrl() + "/_sim/blob?size=10", "Range", "bytes=50-")
                        .status())
                .isEqualTo(416);
        assertThat(sim.stats().bytesServed()).isGreaterThanOrEqualTo(size);
    }
}
