package dev.avatarkit.bench;

import com.sun.net.httpserver.HttpExchange;
import com.sun.net.httpserver.HttpServer;
import java.io.IOException;
import java.net.InetSocketAddress;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.Executors;
import java.util.concurrent.atomic.AtomicLong;
import java.util.concurrent.atomic.AtomicReference;

/**
 * The attacker's vantage point for webhook replay: the server's {@code AVATARKIT_PUBLIC_URL} points here, so the
 * sandbox simulator's signed deliveries pass through; each is forwarded to the server unchanged (so jobs still
 * finish by webhook) and the first one is kept, to be replayed later with fresh event ids and no timestamp.
 */
final class CaptureProxy implements AutoCloseable {
    /** A delivery as it went over the wire. */
    record Delivery(byte[] body, Map<String, List<String>> headers) {}

    private static final Set<String> HOP =
            Set.of("host", "content-length", "connection", "transfer-encoding", "expect", "upgrade");
    final Map<Integer, AtomicLong> forwarded = new ConcurrentHashMap<>();
    final AtomicReference<Delivery> first = new AtomicReference<>();
    private final HttpServer server;
    private final HttpClient client;
    private final URI target;

    CaptureProxy(int port, URI target, HttpClient client) throws IOException {
        this.target = target;
        this.client = client;
        this.server = HttpServer.create(new InetSocketAddress("127.0.0.1", port), 64);
        server.setExecutor(Executors.newFixedThreadPool(8));
        server.createContext("/webhooks/heygen", this::relay);
        server.start();
    }

    private void relay(HttpExchange exchange) throws IOException {
        byte[] body = exchange.getRequestBody().readAllBytes();
        Delivery delivery = new Delivery(body, Map.copyOf(exchange.getRequestHeaders()));
        if (body.length > 0 && "POST".equals(exchange.getRequestMethod())) first.compareAndSet(null, delivery);
        int status;
        byte[] answer;
        try {
            HttpResponse<byte[]> response = send(delivery, null, exchange.getRequestMethod());
            status = response.statusCode();
            answer = response.body();
        } catch (IOException | InterruptedException e) {
            status = 599;
            answer = new byte[0];
        }
        forwarded.computeIfAbsent(status, s -> new AtomicLong()).incrementAndGet();
        exchange.sendResponseHeaders(status, answer.length == 0 ? -1 : answer.length);
        if (answer.length > 0) exchange.getResponseBody().write(answer);
        exchange.close();
    }

    /** Sends a delivery to the server; {@code eventId} replaces its Heygen-Event-Id, and its timestamp is dropped then. */
    HttpResponse<byte[]> send(Delivery delivery, String eventId, String method)
            throws IOException, InterruptedException {
        HttpRequest.Builder request =
                HttpRequest.newBuilder(target).method(method, HttpRequest.BodyPublishers.ofByteArray(delivery.body()));
        delivery.headers().forEach((name, values) -> {
            String lower = name.toLowerCase();
            if (HOP.contains(lower)) return;
            if (eventId != null && (lower.equals("heygen-event-id") || lower.equals("heygen-timestamp"))) return;
            values.forEach(v -> request.header(name, v));
        });
        if (eventId != null) request.header("Heygen-Event-Id", eventId);
        return client.send(request.build(), HttpResponse.BodyHandlers.ofByteArray());
    }

    @Override
    public void close() {
        server.stop(0);
    }
}
