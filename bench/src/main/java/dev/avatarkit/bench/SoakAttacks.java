package dev.avatarkit.bench;

import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.net.Socket;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.ByteBuffer;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.Flow;
import java.util.concurrent.ThreadLocalRandom;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicLong;

/**
 * The hostile clients of issue 16, each bounded in count and time and aimed at loopback only: slow webhook
 * uploads ({@code Content-Length: 100000}, then a byte every 5–10 s, reconnecting when cut off) and an SSE flood
 * (streams opened and held, spread over tokens). Every answer's status is counted.
 */
final class SoakAttacks {
    final Map<Integer, AtomicLong> statuses = new ConcurrentHashMap<>();
    final AtomicLong slowReconnects = new AtomicLong();
    final AtomicLong streamsOpen = new AtomicLong();
    private final String host;
    private final int port;
    private final AtomicBoolean running = new AtomicBoolean(true);

    SoakAttacks(String host, int port) {
        this.host = host;
        this.port = port;
    }

    void count(int status) {
        statuses.computeIfAbsent(status, s -> new AtomicLong()).incrementAndGet();
    }

    long fiveHundreds() {
        return statuses.entrySet().stream()
                .filter(e -> e.getKey() >= 500)
                .mapToLong(e -> e.getValue().get())
                .sum();
    }

    void stop() {
        running.set(false);
    }

    /** {@code connections} slow uploads to /webhooks/heygen until {@link #stop}, on one thread. */
    Thread slowBodies(int connections) {
        Thread t = new Thread(
                () -> {
                    List<Socket> sockets = new ArrayList<>();
                    List<Long> nextByte = new ArrayList<>();
                    for (int i = 0; i < connections; i++) {
                        sockets.add(openSlow());
                        nextByte.add(System.nanoTime() + jitter());
                    }
                    while (running.get()) {
                        for (int i = 0; i < connections; i++) {
                            Socket socket = sockets.get(i);
                            try {
                                InputStream in = socket.getInputStream();
                                if (in.available() > 0) { // the server answered (408/429): count it and come back
                                    byte[] head = new byte[12];
                                    int n = in.readNBytes(head, 0, 12);
                                    if (n == 12)
                                        count(Integer.parseInt(new String(head, 9, 3, StandardCharsets.US_ASCII)));
                                    throw new IOException("answered");
                                }
                                if (System.nanoTime() >= nextByte.get(i)) {
                                    socket.getOutputStream().write(' ');
                                    nextByte.set(i, System.nanoTime() + jitter());
                                }
                            } catch (IOException | RuntimeException e) {
                                close(socket);
                                slowReconnects.incrementAndGet();
                                sockets.set(i, openSlow());
                                nextByte.set(i, System.nanoTime() + jitter());
                            }
                        }
                        sleep(200);
                    }
                    sockets.forEach(SoakAttacks::close);
                },
                "soak-slow-bodies");
        t.start();
        return t;
    }

    /** Opens {@code streams} event streams spread over {@code tokens} and holds them (reading) until {@link #stop}. */
    void sseFlood(HttpClient client, List<String> tokens, int streams) {
        for (int i = 0; i < streams; i++) {
            HttpRequest request = HttpRequest.newBuilder(URI.create("http://" + host + ":" + port + "/v1/events"))
                    .header("Authorization", "Bearer " + tokens.get(i % tokens.size()))
                    .build();
            client.sendAsync(request, info -> {
                        count(info.statusCode());
                        if (info.statusCode() == 200) streamsOpen.incrementAndGet();
                        return HttpResponse.BodySubscribers.fromSubscriber(new Draining(running));
                    })
                    .whenComplete((r, e) -> {
                        if (r != null && r.statusCode() == 200) streamsOpen.decrementAndGet();
                    });
        }
    }

    private Socket openSlow() {
        try {
            Socket socket = new Socket(host, port);
            OutputStream out = socket.getOutputStream();
            out.write(("POST /webhooks/heygen HTTP/1.1\r\nHost: " + host + "\r\nContent-Type: application/json\r\n"
                            + "Heygen-Signature: 00\r\nContent-Length: 100000\r\n\r\n{")
                    .getBytes(StandardCharsets.US_ASCII));
            out.flush();
            return socket;
        } catch (IOException e) {
            throw new IllegalStateException("cannot connect to " + host + ":" + port, e);
        }
    }

    private static long jitter() {
        return Duration.ofMillis(ThreadLocalRandom.current().nextLong(5_000, 10_000))
                .toNanos();
    }

    private static void close(Socket socket) {
        try {
            socket.close();
        } catch (IOException ignored) {
            // already gone
        }
    }

    static void sleep(long millis) {
        try {
            Thread.sleep(millis);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }

    /** Reads a stream and throws the bytes away; cancels when the attack stops. */
    private static final class Draining implements Flow.Subscriber<List<ByteBuffer>> {
        private final AtomicBoolean running;
        private Flow.Subscription subscription;

        Draining(AtomicBoolean running) {
            this.running = running;
        }

        @Override
        public void onSubscribe(Flow.Subscription s) {
            subscription = s;
            s.request(1);
        }

        @Override
        public void onNext(List<ByteBuffer> item) {
            if (running.get()) subscription.request(1);
            else subscription.cancel();
        }

        @Override
        public void onError(Throwable throwable) {
            // the stream ended: counted by the caller
        }

        @Override
        public void onComplete() {
            // the server ended the stream
        }
    }
}
