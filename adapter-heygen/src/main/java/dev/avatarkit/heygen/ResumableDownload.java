package dev.avatarkit.heygen;

import dev.avatarkit.core.port.ProviderException;
import dev.avatarkit.core.port.ProviderUnavailableException;
import dev.avatarkit.core.port.Sleeper;
import dev.avatarkit.core.retry.Backoff;
import java.io.IOException;
import java.io.InputStream;
import java.net.URI;
import java.nio.ByteBuffer;
import java.nio.channels.ReadableByteChannel;
import java.time.Duration;
import java.util.Objects;
import java.util.function.Supplier;
import okhttp3.OkHttpClient;
import okhttp3.Request;
import okhttp3.Response;
import okhttp3.ResponseBody;
import okio.BufferedSource;

/**
 * A constant-memory stream over a signed, expiring URL. Opens lazily; on 403/404/410 asks {@code refresh} for a
 * fresh URL (the caller re-reads the render's status); on a dropped connection or a body shorter than announced it
 * reopens with {@code Range: bytes=N-} and checks the answer is a 206 starting at N (a 200 means the server ignored
 * the range: the first N bytes are skipped). At most {@code maxOpens} opens; then {@link ProviderUnavailableException}.
 * Also a {@link ReadableByteChannel}, so a store can read it into direct buffers.
 */
final class ResumableDownload extends InputStream implements ReadableByteChannel {
    /** Between reconnects: core's one backoff curve, without jitter (one transfer, nobody to spread from). */
    private static final Backoff PAUSES = Backoff.withFactor(() -> 1.0);

    private final OkHttpClient client;
    private final Supplier<URI> refresh;
    private final Sleeper sleeper;
    private final int maxOpens;
    private URI url;
    private int opens;
    private long position;
    private long expectedEnd = -1;
    private Response response;
    private BufferedSource body;
    private boolean done;
    private boolean closed;
    private final byte[] one = new byte[1];

    ResumableDownload(OkHttpClient client, URI url, Supplier<URI> refresh, Sleeper sleeper, int maxOpens) {
        this.client = client;
        this.url = url;
        this.refresh = refresh;
        this.sleeper = sleeper;
        this.maxOpens = maxOpens;
    }

    @Override
    public int read() throws IOException {
        int n = read(one, 0, 1);
        return n < 0 ? -1 : one[0] & 0xff;
    }

    /**
     * Fills as much of {@code buffer} as the open body gives without waiting on a reopen. okio hands out at most one
     * 8 KiB segment per call; passing that up made every consumer (sha-256, file and S3 writes) work in 8 KiB steps,
     * a syscall per 8 KiB on the store side. The first chunk may open or resume; the rest only reads the open body
     * and stops at its first hiccup (end, truncation, drop), which the next call handles.
     */
    @Override
    public int read(byte[] buffer, int offset, int length) throws IOException {
        Objects.checkFromIndexSize(offset, length, buffer.length);
        if (length == 0) return 0;
        return read(ByteBuffer.wrap(buffer, offset, length));
    }

    /**
     * The same as a channel: a store that reads into a direct buffer gets okio's segments copied straight into it
     * and writes it to its file with no byte[] in between (issue 17). Reads after {@link #close} return -1, as the
     * stream does.
     */
    @Override
    public int read(ByteBuffer into) {
        if (!into.hasRemaining()) return 0;
        int total = readSome(into);
        if (total < 0) return -1;
        while (into.hasRemaining() && body != null) {
            int n;
            try {
                n = body.read(into);
            } catch (IOException e) {
                closeBody(); // dropped mid-body: the next call resumes from position
                break;
            }
            if (n <= 0) break; // end or truncation: the next call decides
            position += n;
            total += n;
        }
        return total;
    }

    @Override
    public boolean isOpen() {
        return !closed;
    }

    private int readSome(ByteBuffer into) {
        while (!done) {
            if (body == null) open();
            if (done) break;
            try {
                int n = body.read(into);
                if (n > 0) {
                    position += n;
                    return n;
                }
                if (expectedEnd < 0 || position >= expectedEnd) {
                    done = true;
                    closeBody();
                    break;
                }
                closeBody(); // truncated: fewer bytes than announced
            } catch (IOException e) {
                closeBody(); // dropped mid-body: resume from position
            }
        }
        return -1;
    }

    private void open() {
        while (true) {
            if (opens >= maxOpens) {
                throw new ProviderUnavailableException(
                        "download failed after " + opens + " attempts at byte " + position, 0, null, null, null);
            }
            if (opens > 0) pause(opens);
            opens++;
            Request.Builder request =
                    new Request.Builder().url(url.toString()).get().header("Accept-Encoding", "identity");
            if (position > 0) request.header("Range", "bytes=" + position + "-");
            Response r;
            try {
                r = client.newCall(request.build()).execute();
            } catch (IOException e) {
                continue;
            }
            int code = r.code();
            if (code == 403 || code == 404 || code == 410) {
                r.close();
                URI fresh = freshUrl();
                if (fresh != null) url = fresh;
                continue;
            }
            if (code == 416 && expectedEnd >= 0 && position >= expectedEnd) {
                r.close();
                done = true;
                return;
            }
            if (code != 200 && code != 206) {
                r.close();
                continue;
            }
            ResponseBody responseBody = r.body();
            try {
                BufferedSource stream = responseBody.source();
                // okio times each socket read (8 KiB) with its watchdog thread: per GiB, 131,072 schedule/cancel
                // rounds and thread wake-ups. The socket's own SO_TIMEOUT, which OkHttp sets to the same read
                // timeout, still cuts off a stalled body (ResumableDownloadTest: a stalled body); 1 GiB, drain
                // only, at load 10: 0.95 s against 1.25 s (bench/results/download-breakdown-*).
                stream.timeout().clearTimeout();
                long length = responseBody.contentLength();
                if (code == 206) {
                    long start = rangeStart(r.header("Content-Range"));
                    if (start != position) {
                        r.close();
                        continue;
                    }
                    long total = rangeTotal(r.header("Content-Range"));
                    expectedEnd = total >= 0 ? total : length >= 0 ? position + length : -1;
                } else {
                    if (position > 0) stream.skip(position); // range ignored: skip what we already have
                    expectedEnd = length;
                }
                response = r;
                body = stream;
                return;
            } catch (IOException e) {
                r.close();
            }
        }
    }

    private URI freshUrl() {
        try {
            return refresh.get();
        } catch (ProviderException e) {
            return null; // keep the old URL; the attempt bound stops us
        }
    }

    private void pause(int attempt) {
        try {
            sleeper.sleep(PAUSES.delay(Duration.ofMillis(500), Duration.ofSeconds(10), 2.0, attempt - 1));
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new ProviderUnavailableException("download interrupted", 0, null, null, null);
        }
    }

    private static long rangeStart(String contentRange) {
        try {
            String spec = contentRange.trim().substring("bytes ".length());
            return Long.parseLong(spec.substring(0, spec.indexOf('-')));
        } catch (RuntimeException e) {
            return -1;
        }
    }

    private static long rangeTotal(String contentRange) {
        try {
            String total = contentRange.substring(contentRange.indexOf('/') + 1).trim();
            return "*".equals(total) ? -1 : Long.parseLong(total);
        } catch (RuntimeException e) {
            return -1;
        }
    }

    private void closeBody() {
        if (response != null) response.close();
        response = null;
        body = null;
    }

    @Override
    public void close() {
        done = true;
        closed = true;
        closeBody();
    }
}
