package dev.avatarkit.http;

import dev.avatarkit.runtime.Secret;
import java.time.Duration;
import java.util.List;

/**
 * The server's own knobs: port, accepted bearer tokens, body limits (1 MiB JSON, 32 MiB CSV, 256 KiB webhooks),
 * the SSE ring and heartbeat, how long a stop waits for requests in flight, and the {@link HttpLimits}.
 */
record HttpSettings(
        int port,
        List<Secret> tokens,
        long jsonLimit,
        long csvLimit,
        long webhookLimit,
        int eventRing,
        int eventQueue,
        Duration heartbeat,
        Duration stopGrace,
        HttpLimits limits) {
    HttpSettings {
        tokens = List.copyOf(tokens);
    }

    static HttpSettings defaults(int port, List<Secret> tokens) {
        return new HttpSettings(
                port,
                tokens,
                1 << 20,
                32L << 20,
                256 << 10,
                4096,
                1024,
                Duration.ofSeconds(15),
                Duration.ofSeconds(20),
                HttpLimits.defaults());
    }

    HttpSettings withHeartbeat(Duration every) {
        return new HttpSettings(
                port, tokens, jsonLimit, csvLimit, webhookLimit, eventRing, eventQueue, every, stopGrace, limits);
    }

    HttpSettings withPort(int newPort) {
        return new HttpSettings(
                newPort,
                tokens,
                jsonLimit,
                csvLimit,
                webhookLimit,
                eventRing,
                eventQueue,
                heartbeat,
                stopGrace,
                limits);
    }

    HttpSettings withLimits(HttpLimits newLimits) {
        return new HttpSettings(
                port,
                tokens,
                jsonLimit,
                csvLimit,
                webhookLimit,
                eventRing,
                eventQueue,
                heartbeat,
                stopGrace,
                newLimits);
    }
}
