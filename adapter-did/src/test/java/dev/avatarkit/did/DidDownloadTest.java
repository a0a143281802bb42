package dev.avatarkit.did;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.avatarkit.core.domain.AssetKind;
import dev.avatarkit.core.domain.ProviderRef;
import dev.avatarkit.core.port.ProviderUnavailableException;
import dev.avatarkit.core.port.ResultFile;
import java.io.InputStream;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import okhttp3.mockwebserver.Dispatcher;
import okhttp3.mockwebserver.MockResponse;
import okhttp3.mockwebserver.MockWebServer;
import okhttp3.mockwebserver.RecordedRequest;
import okhttp3.mockwebserver.SocketPolicy;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

/**
 * Downloads from a second server standing in for D-ID's S3 bucket: expired links are replaced by re-reading the talk,
 * dropped transfers resume with Range, and the API key never goes to the bucket.
 */
class DidDownloadTest {
    private static final String VIDEO = "did-video-bytes-".repeat(4000);
    private static final ProviderRef REF = new ProviderRef("talk:tlk_1");

    private final DidServer did = new DidServer();
    private final MockWebServer bucket = new MockWebServer();
    private final List<RecordedRequest> bucketRequests = new CopyOnWriteArrayList<>();

    @AfterEach
    void stop() throws Exception {
        did.close();
        bucket.shutdown();
    }

    private String fetch(String path) throws Exception {
        ResultFile file =
                new ResultFile(AssetKind.VIDEO, URI.create(bucket.url(path).toString()));
        try (InputStream in = did.videos().download(REF, file)) {
            return new String(in.readAllBytes(), StandardCharsets.UTF_8);
        }
    }

    /** The bucket: {@code /old…} links have expired; others serve the video, honouring Range, first dropping once. */
    private void serveBucket(boolean dropFirst, boolean honourRange) {
        bucket.setDispatcher(new Dispatcher() {
            private boolean dropped;

            @Override
            public MockResponse dispatch(RecordedRequest request) {
                bucketRequests.add(request);
                if (request.getPath().startsWith("/old"))
                    return new MockResponse().setResponseCode(403).setBody("<Error>AccessDenied</Error>");
                String range = request.getHeader("Range");
                if (range != null && honourRange) {
                    int from = Integer.parseInt(range.substring("bytes=".length(), range.length() - 1));
                    return new MockResponse()
                            .setResponseCode(206)
                            .setBody(VIDEO.substring(from))
                            .setHeader(
                                    "Content-Range",
                                    "bytes " + from + "-" + (VIDEO.length() - 1) + "/" + VIDEO.length());
                }
                MockResponse whole = new MockResponse().setBody(VIDEO);
                if (dropFirst && !dropped) {
                    dropped = true;
                    return whole.setSocketPolicy(SocketPolicy.DISCONNECT_DURING_RESPONSE_BODY);
                }
                return whole;
            }
        });
    }

    @Test
    void givenAnExpiredLink_whenDownloaded_thenTheTalkIsReReadForAFreshOneAndNoKeyGoesToTheBucket() throws Exception {
        serveBucket(false, true);
        did.answer(
                200,
                DidServer.talk(
                        "tlk_1",
                        "done",
                        bucket.url("/fresh/tlk_1.mp4?Signature=new").toString()));

        assertThat(fetch("/old/tlk_1.mp4?Signature=old")).isEqualTo(VIDEO);

        assertThat(did.next().getPath()).isEqualTo("/talks/tlk_1");
        assertThat(bucketRequests)
                .extracting(RecordedRequest::getPath)
                .containsExactly("/old/tlk_1.mp4?Signature=old", "/fresh/tlk_1.mp4?Signature=new");
        assertThat(bucketRequests)
                .allSatisfy(r -> assertThat(r.getHeader("Authorization")).isNull());
    }

    @Test
    void givenTheTransferDrops_whenDownloaded_thenItResumesWithRangeFromWhereItStopped() throws Exception {
        serveBucket(true, true);
        assertThat(fetch("/tlk_1.mp4")).isEqualTo(VIDEO);
        assertThat(bucketRequests).hasSize(2);
        String range = bucketRequests.get(1).getHeader("Range");
        assertThat(range).startsWith("bytes=").endsWith("-").isNotEqualTo("bytes=0-");
    }

    @Test
    void givenABucketThatIgnoresRange_whenResumed_thenTheBytesAlreadyReadAreSkipped() throws Exception {
        serveBucket(true, false);
        assertThat(fetch("/tlk_1.mp4")).isEqualTo(VIDEO);
    }

    @Test
    void givenLinksThatStayExpired_whenDownloaded_thenUnavailableAfterABoundedNumberOfOpens() {
        serveBucket(false, true);
        for (int i = 0; i < 10; i++)
            did.answer(
                    200,
                    DidServer.talk("tlk_1", "done", bucket.url("/old/again.mp4").toString()));
        assertThatThrownBy(() -> fetch("/old/tlk_1.mp4")).isInstanceOf(ProviderUnavailableException.class);
        assertThat(bucketRequests).hasSize(DidVideoProvider.MAX_DOWNLOAD_OPENS);
    }
}
