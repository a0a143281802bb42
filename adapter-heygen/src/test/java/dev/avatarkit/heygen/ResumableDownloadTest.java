package dev.avatarkit.heygen;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.avatarkit.core.domain.AssetKind;
import dev.avatarkit.core.domain.ProviderRef;
import dev.avatarkit.core.port.ProviderUnavailableException;
import dev.avatarkit.core.port.ResultFile;
import java.io.InputStream;
import java.net.URI;
import java.nio.ByteBuffer;
import java.nio.channels.ReadableByteChannel;
import java.nio.charset.StandardCharsets;
import okhttp3.mockwebserver.MockResponse;
import okhttp3.mockwebserver.RecordedRequest;
import okhttp3.mockwebserver.SocketPolicy;
import org.junit.jupiter.api.Test;

class ResumableDownloadTest {
    static final String CONTENT = "0123456789".repeat(2000);

    @Test
    void givenAnExpiredUrl_thenStatusIsReReadForAFreshOne() throws Exception {
        try (Wire w = new Wire(ApiVersion.V3)) {
            w.enqueue(new MockResponse().setResponseCode(403).setBody("expired"));
            w.json(
                    200,
                    "{\"data\":{\"id\":\"v1\",\"status\":\"completed\",\"video_url\":\"" + w.url("/fresh.mp4?sig=2")
                            + "\"}}");
            w.enqueue(new MockResponse().setBody(CONTENT));
            try (InputStream in = w.heygen
                    .videos()
                    .download(
                            new ProviderRef("v1"),
                            new ResultFile(AssetKind.VIDEO, URI.create(w.url("/old.mp4?sig=1"))))) {
                assertThat(new String(in.readAllBytes(), StandardCharsets.UTF_8))
                        .isEqualTo(CONTENT);
            }
            assertThat(w.take().getPath()).startsWith("/old.mp4");
            assertThat(w.take().getPath()).startsWith("/v3/videos/v1");
            assertThat(w.take().getPath()).startsWith("/fresh.mp4");
        }
    }

    @Test
    void givenADroppedConnection_thenResumesWithRange() throws Exception {
        try (Wire w = new Wire(ApiVersion.V3)) {
            w.enqueue(
                    new MockResponse().setBody(CONTENT).setSocketPolicy(SocketPolicy.DISCONNECT_DURING_RESPONSE_BODY));
            w.enqueue(new MockResponse()); // placeholder, replaced below once we know the offset
            w.server.setDispatcher(new okhttp3.mockwebserver.Dispatcher() {
                int calls;

                @Override
                public MockResponse dispatch(RecordedRequest request) {
                    calls++;
                    String range = request.getHeader("Range");
                    if (range == null) {
                        return new MockResponse()
                                .setBody(CONTENT)
                                .setSocketPolicy(SocketPolicy.DISCONNECT_DURING_RESPONSE_BODY);
                    }
                    int from = Integer.parseInt(range.substring("bytes=".length(), range.length() - 1));
                    return new MockResponse()
                            .setResponseCode(206)
                            .setHeader(
                                    "Content-Range",
                                    "bytes " + from + "-" + (CONTENT.length() - 1) + "/" + CONTENT.length())
                            .setBody(CONTENT.substring(from));
                }
            });
            try (InputStream in = w.heygen
                    .videos()
                    .download(new ProviderRef("v1"), new ResultFile(AssetKind.VIDEO, URI.create(w.url("/v.mp4"))))) {
                assertThat(new String(in.readAllBytes(), StandardCharsets.UTF_8))
                        .isEqualTo(CONTENT);
            }
            assertThat(w.take().getHeader("Range")).isNull();
            assertThat(w.take().getHeader("Range")).matches("bytes=\\d+-");
        }
    }

    @Test
    void givenA64KibBuffer_thenReadsFillItAcrossSegmentsAndStillResumeAfterADrop() throws Exception {
        byte[] content = pattern(300_000);
        try (Wire w = new Wire(ApiVersion.V3)) {
            w.server.setDispatcher(dropsOnceThenServesRanges(content));
            java.io.ByteArrayOutputStream got = new java.io.ByteArrayOutputStream();
            int largest = 0;
            try (InputStream in = w.heygen
                    .videos()
                    .download(new ProviderRef("v1"), new ResultFile(AssetKind.VIDEO, URI.create(w.url("/v.mp4"))))) {
                byte[] buffer = new byte[64 * 1024];
                for (int n; (n = in.read(buffer)) >= 0; ) {
                    assertThat(n).isPositive();
                    got.write(buffer, 0, n);
                    largest = Math.max(largest, n);
                }
            }
            assertThat(got.toByteArray()).isEqualTo(content);
            assertThat(largest)
                    .as("reads are not capped at okio's 8 KiB segment")
                    .isGreaterThan(8192);
            assertThat(w.take().getHeader("Range")).isNull();
            assertThat(w.take().getHeader("Range")).matches("bytes=\\d+-");
        }
    }

    @Test
    void givenADirectBuffer_whenReadAsAChannel_thenFillsItAndResumesAfterADrop() throws Exception {
        byte[] content = pattern(300_000);
        try (Wire w = new Wire(ApiVersion.V3)) {
            w.server.setDispatcher(dropsOnceThenServesRanges(content));
            java.io.ByteArrayOutputStream got = new java.io.ByteArrayOutputStream();
            int largest = 0;
            InputStream in = w.heygen
                    .videos()
                    .download(new ProviderRef("v1"), new ResultFile(AssetKind.VIDEO, URI.create(w.url("/v.mp4"))));
            assertThat(in).as("stores read it as a channel").isInstanceOf(ReadableByteChannel.class);
            try (ReadableByteChannel channel = (ReadableByteChannel) in) {
                ByteBuffer buffer = ByteBuffer.allocateDirect(64 * 1024);
                for (int n; (n = channel.read(buffer.clear())) >= 0; ) {
                    assertThat(n).isPositive();
                    byte[] chunk = new byte[n];
                    buffer.flip().get(chunk);
                    got.write(chunk);
                    largest = Math.max(largest, n);
                }
                assertThat(channel.isOpen()).isTrue();
            }
            assertThat(((ReadableByteChannel) in).isOpen()).isFalse();
            assertThat(got.toByteArray()).isEqualTo(content);
            assertThat(largest).isGreaterThan(8192);
            assertThat(w.take().getHeader("Range")).isNull();
            assertThat(w.take().getHeader("Range")).matches("bytes=\\d+-");
        }
    }

    @Test
    @org.junit.jupiter.api.Timeout(20) // a body read without any timeout would wait for the 60 s stall
    void givenABodyThatStalls_thenTheReadTimesOutAndTheDownloadResumes() throws Exception {
        byte[] content = pattern(300_000);
        try (Wire w = new Wire(ApiVersion.V3)) { // transfer (read) timeout 5 s
            okhttp3.mockwebserver.Dispatcher ranges = dropsOnceThenServesRanges(content);
            w.server.setDispatcher(new okhttp3.mockwebserver.Dispatcher() {
                @Override
                public MockResponse dispatch(RecordedRequest request) throws InterruptedException {
                    if (request.getHeader("Range") != null) return ranges.dispatch(request);
                    return new MockResponse()
                            .setBody(new okio.Buffer().write(content))
                            .throttleBody(64 * 1024, 60, java.util.concurrent.TimeUnit.SECONDS);
                }
            });
            try (InputStream in = w.heygen
                    .videos()
                    .download(new ProviderRef("v1"), new ResultFile(AssetKind.VIDEO, URI.create(w.url("/v.mp4"))))) {
                assertThat(in.readAllBytes()).isEqualTo(content);
            }
            assertThat(w.take().getHeader("Range")).isNull();
            assertThat(w.take().getHeader("Range")).isEqualTo("bytes=65536-");
        }
    }

    private static byte[] pattern(int size) {
        byte[] content = new byte[size];
        for (int i = 0; i < content.length; i++) content[i] = (byte) (i * 31 + 7);
        return content;
    }

    /** The first request is cut off mid-body; ranged requests get a 206 from the asked offset. */
    private static okhttp3.mockwebserver.Dispatcher dropsOnceThenServesRanges(byte[] content) {
        return new okhttp3.mockwebserver.Dispatcher() {
            @Override
            public MockResponse dispatch(RecordedRequest request) {
                String range = request.getHeader("Range");
                if (range == null) {
                    return new MockResponse()
                            .setBody(new okio.Buffer().write(content))
                            .setSocketPolicy(SocketPolicy.DISCONNECT_DURING_RESPONSE_BODY);
                }
                int from = Integer.parseInt(range.substring("bytes=".length(), range.length() - 1));
                return new MockResponse()
                        .setResponseCode(206)
                        .setHeader("Content-Range", "bytes " + from + "-" + (content.length - 1) + "/" + content.length)
                        .setBody(new okio.Buffer().write(content, from, content.length - from));
            }
        };
    }

    @Test
    void givenEndlessFailures_thenGivesUpAfterTheBound() throws Exception {
        try (Wire w = new Wire(ApiVersion.V3)) {
            for (int i = 0; i < 10; i++) w.enqueue(new MockResponse().setResponseCode(500));
            InputStream in = w.heygen
                    .videos()
                    .download(new ProviderRef("v1"), new ResultFile(AssetKind.VIDEO, URI.create(w.url("/v.mp4"))));
            assertThatThrownBy(in::read).isInstanceOf(ProviderUnavailableException.class);
            assertThat(w.server.getRequestCount())
                    .isEqualTo(HeyGenConfig.Retry.defaults().downloadAttempts());
        }
    }
}
