package dev.avatarkit.http;

import com.google.inject.Guice;
import com.google.inject.Injector;
import dev.avatarkit.core.engine.EnginePolicy;
import dev.avatarkit.runtime.AvatarkitConfig;
import dev.avatarkit.runtime.ConfigLoader;
import dev.avatarkit.runtime.Platform;
import dev.avatarkit.runtime.PlatformModule;
import dev.avatarkit.runtime.PlatformOptions;
import dev.avatarkit.runtime.Secret;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Path;
import java.time.Duration;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import okhttp3.MediaType;
import okhttp3.OkHttpClient;
import okhttp3.Request;
import okhttp3.RequestBody;
import okhttp3.Response;

/** The real server (PlatformModule: SQLite, local store, db-scheduler, sandbox simulator) on a random port. */
final class TestServer implements AutoCloseable {
    static final String TOKEN = "akt_test_5f1c9b0e7d2a4c6b8e0f1a2b3c4d5e6f";
    static final String AVATAR = "Daisy-inskirt-20220818";
    static final String VOICE = "2d5b0e6cf36f460aa7fc47e3eee4ba54";
    static final MediaType JSON = MediaType.get("application/json");

    final Injector injector;
    final ApiServer server;
    final OkHttpClient http = new OkHttpClient.Builder()
            .readTimeout(Duration.ofSeconds(30))
            .followRedirects(false)
            .build();

    private TestServer(Injector injector) {
        this.injector = injector;
        this.server = injector.getInstance(ApiServer.class).start();
    }

    static TestServer sandbox(Path dir) {
        return start(dir, Map.of("AVATARKIT_SANDBOX", "1"));
    }

    static TestServer start(Path dir, Map<String, String> extraEnv) {
        return start(
                dir, extraEnv, 0, EnginePolicy.defaults(3).withPolling(Duration.ofMillis(100), Duration.ofMillis(400)));
    }

    static TestServer start(Path dir, Map<String, String> extraEnv, int port, EnginePolicy policy) {
        return start(dir, extraEnv, port, policy, HttpLimits.defaults());
    }

    /** The sandbox with tighter limits (small thread pool, short deadlines) so an abuse test needs few connections. */
    static TestServer limited(Path dir, HttpLimits limits) {
        return start(
                dir,
                Map.of("AVATARKIT_SANDBOX", "1"),
                0,
                EnginePolicy.defaults(3).withPolling(Duration.ofMillis(100), Duration.ofMillis(400)),
                limits);
    }

    static TestServer start(Path dir, Map<String, String> extraEnv, int port, EnginePolicy policy, HttpLimits limits) {
        Map<String, String> env = new HashMap<>(Map.of(
                "AVATARKIT_HOME", dir.resolve("home").toString(),
                "AVATARKIT_STORAGE_DIR", dir.resolve("assets").toString(),
                "AVATARKIT_HTTP_PORT", "0"));
        env.putAll(extraEnv);
        AvatarkitConfig config = ConfigLoader.load(Map.of(), env, null);
        PlatformOptions options = PlatformOptions.defaults()
                .withSandboxRenderTime(Duration.ofMillis(300))
                .withSchedulerPolling(Duration.ofMillis(50))
                .withPolicy(policy);
        HttpSettings settings = HttpSettings.defaults(port, List.of(new Secret(TOKEN)))
                .withHeartbeat(Duration.ofMillis(300))
                .withLimits(limits);
        return new TestServer(Guice.createInjector(new PlatformModule(config, options), new HttpModule(settings)));
    }

    Platform platform() {
        return injector.getInstance(Platform.class);
    }

    String url(String path) {
        return "http://127.0.0.1:" + server.port() + path;
    }

    Request.Builder request(String path) {
        return new Request.Builder().url(url(path)).header("Authorization", "Bearer " + TOKEN);
    }

    Result get(String path) {
        return call(request(path).get().build());
    }

    Result post(String path, String json, String... headers) {
        Request.Builder b = request(path).post(RequestBody.create(json, JSON));
        for (int i = 0; i < headers.length; i += 2) b.header(headers[i], headers[i + 1]);
        return call(b.build());
    }

    Result call(Request request) {
        try (Response response = http.newCall(request).execute()) {
            return new Result(
                    response.code(),
                    response.body().string(),
                    response.headers().toMultimap());
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    static String videoBody(String text) {
        return "{\"avatar\":\"" + AVATAR + "\",\"voice\":\"" + VOICE + "\",\"text\":\"" + text + "\"}";
    }

    @Override
    public void close() {
        server.close();
    }

    /** A response, read fully. */
    record Result(int status, String body, Map<String, List<String>> headers) {
        String header(String name) {
            return headers.entrySet().stream()
                    .filter(e -> e.getKey().equalsIgnoreCase(name))
                    .map(e -> e.getValue().get(0))
                    .findFirst()
                    .orElse(null);
        }

        @SuppressWarnings("unchecked")
        Map<String, Object> json() {
            try {
                return (Map<String, Object>) dev.avatarkit.runtime.json.Json.moshi()
                        .adapter(Object.class)
                        .fromJson(body);
            } catch (IOException e) {
                throw new UncheckedIOException(e);
            }
        }

        String field(String name) {
            Object v = json().get(name);
            return v == null ? null : v.toString();
        }
    }
}
