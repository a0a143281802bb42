package dev.avatarkit.http;

import jakarta.servlet.ReadListener;
import jakarta.servlet.ServletInputStream;
import jakarta.servlet.http.HttpServletRequest;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.time.Duration;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.Semaphore;
import java.util.concurrent.TimeUnit;

/**
 * Receives request bodies on unauthenticated routes without holding a server thread: the bytes are read as Jetty
 * reports them available (servlet non-blocking I/O), the whole body must arrive within a deadline (408 after it,
 * however steadily the client trickles bytes), and only so many bodies are received at once (429 beyond, with
 * {@code Retry-After}: each may hold up to the body limit in memory; HeyGen retries a refused delivery). A client
 * sending {@code Content-Length: 100000} and then a byte every few seconds therefore costs a socket and a timer
 * entry, never one of the threads that answer {@code /healthz}.
 */
final class AsyncBodies implements AutoCloseable {
    private final ScheduledExecutorService timer = Executors.newSingleThreadScheduledExecutor(r -> {
        Thread t = new Thread(r, "avatarkit-body-deadline");
        t.setDaemon(true);
        return t;
    });
    private final Semaphore inFlight;
    private final Duration deadline;

    AsyncBodies(int maxInFlight, Duration deadline) {
        this.inFlight = new Semaphore(maxInFlight);
        this.deadline = deadline;
    }

    /**
     * Claims a slot for one body, before the request goes async; 429 with {@code Retry-After} when none is free.
     * The completion of the future {@link #read} returns frees it.
     */
    void claim() {
        if (!inFlight.tryAcquire()) {
            throw ProblemException.tooMany(
                    "busy",
                    "Busy",
                    "too many request bodies are being received at once; retry shortly",
                    Duration.ofSeconds(1));
        }
    }

    /** Reads the body of a request whose async processing has started; completes with a {@link ProblemException} on failure. */
    CompletableFuture<byte[]> read(HttpServletRequest request, long limit) {
        CompletableFuture<byte[]> body = new CompletableFuture<>();
        body.whenComplete((b, e) -> inFlight.release());
        var timeout = timer.schedule(
                () -> body.completeExceptionally(new ProblemException(
                        Problem.of(
                                408,
                                "body-timeout",
                                "Request timeout",
                                "the body did not arrive within " + deadline.toSeconds() + " s",
                                "body"),
                        Map.of("Connection", "close"))),
                deadline.toMillis(),
                TimeUnit.MILLISECONDS);
        body.whenComplete((b, e) -> timeout.cancel(false));
        try {
            ServletInputStream in = request.getInputStream();
            in.setReadListener(new Listener(in, limit, body));
        } catch (IOException | RuntimeException e) {
            body.completeExceptionally(Bodies.cutOff(e));
        }
        return body;
    }

    @Override
    public void close() {
        timer.shutdownNow();
    }

    /** Collects the bytes as they become available; stops reading once the outcome is decided. */
    private static final class Listener implements ReadListener {
        private final ServletInputStream in;
        private final long limit;
        private final CompletableFuture<byte[]> body;
        private final ByteArrayOutputStream received = new ByteArrayOutputStream();
        private final byte[] chunk = new byte[8192];

        Listener(ServletInputStream in, long limit, CompletableFuture<byte[]> body) {
            this.in = in;
            this.limit = limit;
            this.body = body;
        }

        @Override
        public void onDataAvailable() throws IOException {
            while (!body.isDone() && in.isReady()) {
                int n = in.read(chunk);
                if (n < 0) return; // onAllDataRead follows
                received.write(chunk, 0, n);
                if (received.size() > limit) body.completeExceptionally(Bodies.tooLarge(limit));
            }
        }

        @Override
        public void onAllDataRead() {
            body.complete(received.toByteArray());
        }

        @Override
        public void onError(Throwable t) {
            body.completeExceptionally(Bodies.cutOff(t));
        }
    }
}
