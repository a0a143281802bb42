package dev.avatarkit.didsim;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.time.Duration;
import okhttp3.MediaType;
import okhttp3.OkHttpClient;
import okhttp3.Request;
import okhttp3.RequestBody;
import okhttp3.Response;
import tools.jackson.databind.JsonNode;

/** A bare HTTP client for the tests: real OkHttp calls on loopback, D-ID's auth header, answers kept whole. */
final class DidClient {
    static final MediaType JSON = MediaType.get("application/json");

    /** One answer: status, body text and bytes, and headers we assert on. */
    record Answer(int status, byte[] bytes, String contentType, String retryAfter) {
        String text() {
            return new String(bytes, java.nio.charset.StandardCharsets.UTF_8);
        }

        JsonNode json() {
            JsonNode n = SimJson.parse(bytes);
            if (n == null) throw new AssertionError("not JSON (" + status + "): " + text());
            return n;
        }
    }

    private final OkHttpClient http;
    private final String baseUrl;
    private final String authorization;

    DidClient(DidSimulator sim) {
        this(sim.baseUrl(), "Basic " + sim.apiKey());
    }

    DidClient(String baseUrl, String authorization) {
        this.baseUrl = baseUrl;
        this.authorization = authorization;
        this.http = new OkHttpClient.Builder()
                .retryOnConnectionFailure(false)
                .readTimeout(Duration.ofSeconds(10))
                .build();
    }

    Answer get(String path) {
        return call(request(path).get().build());
    }

    Answer post(String path, String json) {
        return call(request(path).post(RequestBody.create(json, JSON)).build());
    }

    Answer post(String path, RequestBody body) {
        return call(request(path).post(body).build());
    }

    Answer delete(String path) {
        return call(request(path).delete().build());
    }

    /** A URL as given (a presigned result link), without D-ID's auth: S3 does not take it. */
    Answer fetch(String url) {
        return call(new Request.Builder().url(url).get().build());
    }

    Answer call(Request request) {
        try (Response r = http.newCall(request).execute()) {
            return new Answer(r.code(), r.body().bytes(), r.header("Content-Type"), r.header("Retry-After"));
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private Request.Builder request(String path) {
        Request.Builder b = new Request.Builder().url(path.startsWith("http") ? path : baseUrl + path);
        return authorization == null ? b : b.header("Authorization", authorization);
    }
}
