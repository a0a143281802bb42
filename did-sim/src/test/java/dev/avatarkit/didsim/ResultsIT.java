package dev.avatarkit.didsim;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import okhttp3.Request;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.junit.jupiter.api.io.TempDir;

class ResultsIT {
    @RegisterExtension
    final SimFixture fx = new SimFixture();

    private String doneTalkResultUrl() {
        String id = fx.talk("ak:result");
        fx.finishRenders();
        return fx.client().get("/talks/" + id).json().get("result_url").asString();
    }

    @Test
    void theResultUrlServesARealMp4_ftypThenMoovAndMdat_boxesAddingUpToTheFile(@TempDir Path dir) throws Exception {
        DidClient.Answer video = fx.client().fetch(doneTalkResultUrl());
        assertThat(video.status()).isEqualTo(200);
        assertThat(video.contentType()).isEqualTo("video/mp4");
        assertThat(topLevelBoxes(video.bytes())).startsWith("ftyp").contains("moov", "mdat");
        ffprobeIfInstalled(video.bytes(), dir);
    }

    @Test
    void afterTheTtl_theOldLinkIs403Expired_andReReadingTheTalkGivesAFreshLinkThatWorks() {
        String url = doneTalkResultUrl();
        String id = url.substring(url.indexOf("results/") + 8, url.indexOf(".mp4"));
        fx.clock.advance(Duration.ofHours(24));
        DidClient.Answer old = fx.client().fetch(url);
        assertThat(old.status()).isEqualTo(403);
        assertThat(old.text()).contains("Request has expired");
        String fresh = fx.client().get("/talks/" + id).json().get("result_url").asString();
        assertThat(fresh).isNotEqualTo(url);
        assertThat(fx.client().fetch(fresh).status()).isEqualTo(200);
    }

    @Test
    void aTamperedSignatureIs403_andARangeRequestIs206FromTheOffset() {
        String url = doneTalkResultUrl();
        DidClient.Answer tampered = fx.client().fetch(url.replace("Expires=", "Expires=1"));
        assertThat(tampered.status()).isEqualTo(403);
        assertThat(tampered.text()).contains("SignatureDoesNotMatch");
        DidClient.Answer whole = fx.client().fetch(url);
        DidClient.Answer rest = fx.client()
                .call(new Request.Builder()
                        .url(url)
                        .header("Range", "bytes=100-")
                        .build());
        assertThat(rest.status()).isEqualTo(206);
        assertThat(rest.bytes()).hasSize(whole.bytes().length - 100);
    }

    /** The names of the file's top-level ISO-BMFF boxes; fails unless their sizes add up to the file exactly. */
    static List<String> topLevelBoxes(byte[] mp4) {
        List<String> names = new ArrayList<>();
        ByteBuffer b = ByteBuffer.wrap(mp4);
        while (b.remaining() >= 8) {
            int at = b.position();
            long size = Integer.toUnsignedLong(b.getInt());
            names.add(new String(mp4, at + 4, 4, StandardCharsets.US_ASCII));
            assertThat(size).as("box size at " + at).isGreaterThanOrEqualTo(8).isLessThanOrEqualTo(mp4.length - at);
            b.position(at + (int) size);
        }
        assertThat(b.remaining()).as("bytes after the last box").isZero();
        return names;
    }

    private static void ffprobeIfInstalled(byte[] mp4, Path dir) throws IOException, InterruptedException {
        Path file = Files.write(dir.resolve("result.mp4"), mp4);
        Process p;
        try {
            p = new ProcessBuilder(
                            "ffprobe",
                            "-v",
                            "error",
                            "-show_entries",
                            "format=format_name,duration",
                            "-of",
                            "compact",
                            file.toString())
                    .redirectErrorStream(true)
                    .start();
        } catch (IOException notInstalled) {
            System.out.println("ffprobe not installed: MP4 checked by its box structure only");
            return;
        }
        String out = new String(p.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
        assertThat(p.waitFor()).as(out).isZero();
        assertThat(out).contains("mp4").contains("duration=");
    }
}
