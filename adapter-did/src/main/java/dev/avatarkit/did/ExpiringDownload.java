package dev.avatarkit.did;

import dev.avatarkit.core.port.ProviderException;
import dev.avatarkit.core.port.ProviderUnavailableException;
import dev.avatarkit.core.port.Sleeper;
import dev.avatarkit.core.retry.Backoff;
import java.io.IOException;
import java.io.InputStream;
import java.net.URI;
import java.time.Duration;
import java.util.Objects;
import java.util.function.Supplier;
import okhttp3.OkHttpClient;
import okhttp3.Request;
import okhttp3.Response;

/**
 * Streams a D-ID result from its presigned S3 URL in constant memory. D-ID does not say whether a GET re-signs the
 * URL, and old links answer "Access Denied": so a 403/404/410 asks {@code freshUrl} (a re-read of the talk or clip)
 * for a new one. A connection that drops, or a body shorter than announced, is resumed with {@code Range} from the
 * bytes already handed out. Every open counts against {@code maxOpens}; past it, {@link ProviderUnavailableException}.
 */
final class ExpiringDownload extends InputStream {
    /** Between reopens: core's one backoff curve, without jitter. */
    private static final Backoff PAUSES = Backoff.withFactor(() -> 1.0);

    private final OkHttpClient client;
    private final Supplier<URI> freshUrl;
    private final Sleeper sleeper;
    private final int maxOpens;
    private URI url;
    private int opens;
    private long delivered;
    private long length = -1;
    private Response response;
    private InputStream body;
    private boolean ended;

    ExpiringDownload(OkHttpClient client, URI url, Supplier<URI> freshUrl, Sleeper sleeper, int maxOpens) {
        this.client = client;
        this.url = url;
        this.freshUrl = freshUrl;
        this.sleeper = sleeper;
        this.maxOpens = maxOpens;
    }

    @Override
    public int read() throws IOException {
        byte[] one = new byte[1];
        return read(one, 0, 1) < 0 ? -1 : one[0] & 0xff;
    }

    @Override
    public int read(byte[] buffer, int offset, int count) throws IOException {
        Objects.checkFromIndexSize(offset, count, buffer.length);
        if (count == 0) return 0;
        while (!ended) {
            if (body == null) connect();
            if (ended) break;
            int n;
            try {
                n = body.read(buffer, offset, count);
            } catch (IOException dropped) {
                release(); // resume from `delivered` on the next open
                continue;
            }
            if (n > 0) {
                delivered += n;
                return n;
            }
            release();
            if (length < 0 || delivered >= length) ended = true; // else truncated: reopen for the rest
        }
        return -1;
    }

    private void connect() {
        while (true) {
            if (opens >= maxOpens) {
                throw new ProviderUnavailableException(
                        "D-ID download gave up after " + opens + " attempts at byte " + delivered, null);
            }
            if (opens > 0) pause();
            opens++;
            Request.Builder request = new Request.Builder().url(url.toString()).header("Accept-Encoding", "identity");
            if (delivered > 0) request.header("Range", "bytes=" + delivered + "-");
            Response answer;
            try {
                answer = client.newCall(request.build()).execute();
            } catch (IOException e) {
                continue;
            }
            if (accept(answer)) return;
        }
    }

    /** Takes an answer as the body to read from, or closes it and says to try again. */
    private boolean accept(Response answer) {
        int code = answer.code();
        try {
            if (code == 403 || code == 404 || code == 410) {
                answer.close();
                refreshUrl();
                return false;
            }
            if (code == 416 && length >= 0 && delivered >= length) {
                answer.close();
                ended = true;
                return true;
            }
            if (code == 206 && rangeStart(answer.header("Content-Range")) == delivered) {
                length = rangeLength(
                        answer.header("Content-Range"), answer.body().contentLength());
            } else if (code == 200) {
                answer.body().byteStream().skipNBytes(delivered); // the server ignored Range: drop what we have
                length = answer.body().contentLength();
            } else {
                answer.close();
                return false;
            }
            response = answer;
            body = answer.body().byteStream();
            return true;
        } catch (IOException e) {
            answer.close();
            return false;
        }
    }

    private void refreshUrl() {
        try {
            URI fresh = freshUrl.get();
            if (fresh != null) url = fresh;
        } catch (ProviderException e) {
            // keep the old URL; the open limit ends this
        }
    }

    private void pause() {
        try {
            sleeper.sleep(PAUSES.delay(Duration.ofMillis(250), Duration.ofSeconds(8), 2.0, opens));
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new ProviderUnavailableException("D-ID download interrupted", e);
        }
    }

    private static long rangeStart(String contentRange) {
        if (contentRange == null || !contentRange.startsWith("bytes ")) return -1;
        try {
            return Long.parseLong(
                    contentRange.substring(6, contentRange.indexOf('-')).trim());
        } catch (RuntimeException e) {
            return -1;
        }
    }

    /** The whole file's size from {@code bytes a-b/size}; else start + this part's length; else unknown. */
    private long rangeLength(String contentRange, long partLength) {
        String size = contentRange.substring(contentRange.indexOf('/') + 1).trim();
        if (size.matches("\\d+")) return Long.parseLong(size);
        return partLength >= 0 ? delivered + partLength : -1;
    }

    private void release() {
        if (response != null) response.close();
        response = null;
        body = null;
    }

    @Override
    public void close() {
        ended = true;
        release();
    }
}
