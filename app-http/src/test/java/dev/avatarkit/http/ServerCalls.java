package dev.avatarkit.http;

import java.time.Duration;
import okhttp3.OkHttpClient;
import okhttp3.Request;
import okhttp3.RequestBody;
import okhttp3.Response;

/** Authorised calls to a {@link ServerProcess} by port, for the tests that stop and restart servers. */
final class ServerCalls {
    private static final OkHttpClient HTTP =
            new OkHttpClient.Builder().readTimeout(Duration.ofSeconds(30)).build();

    private ServerCalls() {}

    static Response call(int port, String method, String path, String json) throws Exception {
        Request.Builder b = new Request.Builder()
                .url("http://127.0.0.1:" + port + path)
                .header("Authorization", "Bearer " + TestServer.TOKEN);
        b.method(method, json == null ? null : RequestBody.create(json, TestServer.JSON));
        return HTTP.newCall(b.build()).execute();
    }

    static String text(Response r) throws Exception {
        try (r) {
            return r.body().string();
        }
    }

    /** A top-level string field of a JSON response, without a JSON library. */
    static String field(Response r, String name) throws Exception {
        String body = text(r);
        int at = body.indexOf("\"" + name + "\":\"") + name.length() + 4;
        return body.substring(at, body.indexOf('"', at));
    }
}
