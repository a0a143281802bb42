package dev.avatarkit.http;

import dev.avatarkit.core.spi.ProviderInfo;
import dev.avatarkit.runtime.AvatarkitVersion;
import io.javalin.http.Context;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/** {@code /healthz} (the process answers), {@code /readyz} (database and store reachable), metrics, OpenAPI. */
final class OpsApi {
    private static final Logger LOG = LoggerFactory.getLogger(OpsApi.class);

    /** A readiness answer: overall status and each dependency's. */
    public record Readiness(String status, Map<String, String> checks) {}

    /** Liveness, and which build answers (for a rollout: is the new version up?). */
    public record Health(String status, String version) {}

    private final Backend backend;
    private final ServerMetrics metrics;
    private final String openApi;

    OpsApi(Backend backend, ServerMetrics metrics) {
        this.backend = backend;
        this.metrics = metrics;
        this.openApi = resource("/openapi.json");
    }

    /** {@code GET /v1/providers}: the installed providers and their capabilities (as {@code providers list --json}). */
    public record Providers(List<ProviderInfo> providers) {}

    void providers(Context ctx) {
        Responses.json(
                ctx, 200, Providers.class, new Providers(backend.providers().describe()));
    }

    void health(Context ctx) {
        Responses.json(ctx, 200, Health.class, new Health("ok", AvatarkitVersion.current()));
    }

    void ready(Context ctx) {
        Map<String, String> checks = new LinkedHashMap<>();
        checks.put("database", check("database", () -> backend.jobs().unfinished(1, null)));
        checks.put("store", check("store", () -> backend.assets().list("", null, 1)));
        boolean ok = checks.values().stream().allMatch("ok"::equals);
        Responses.json(ctx, ok ? 200 : 503, Readiness.class, new Readiness(ok ? "ready" : "unavailable", checks));
    }

    private static String check(String name, Runnable probe) {
        try {
            probe.run();
            return "ok";
        } catch (RuntimeException e) {
            LOG.warn("readiness: {} unreachable: {}", name, e.toString());
            return "unreachable";
        }
    }

    void metrics(Context ctx) {
        Responses.send(ctx, 200, "text/plain; version=0.0.4; charset=utf-8", metrics.scrape());
    }

    void openApi(Context ctx) {
        Responses.send(ctx, 200, "application/json", openApi);
    }

    static String resource(String name) {
        try (InputStream in = OpsApi.class.getResourceAsStream(name)) {
            if (in == null) throw new IllegalStateException(name + " is missing from the jar");
            return new String(in.readAllBytes(), StandardCharsets.UTF_8);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
