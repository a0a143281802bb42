package dev.avatarkit.heygen;

import java.io.IOException;
import java.util.concurrent.TimeUnit;
import java.util.function.Consumer;
import okhttp3.Interceptor;
import okhttp3.Request;
import okhttp3.Response;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Our own OkHttp logging interceptor: one line per request and per outcome, URL redacted (signed-URL query
 * strings and tokens masked), never a header value, never a body. The sink is injectable so tests can read it.
 */
final class HttpLog implements Interceptor {
    private static final Logger LOG = LoggerFactory.getLogger("dev.avatarkit.heygen.http");
    private final Consumer<String> sink;

    HttpLog(Consumer<String> sink) {
        this.sink = sink == null ? LOG::debug : sink;
    }

    @Override
    public Response intercept(Chain chain) throws IOException {
        Request request = chain.request();
        String target = request.method() + " " + Redaction.url(request.url());
        long start = System.nanoTime();
        sink.accept("HeyGen -> " + target + (request.header("Idempotency-Key") != null ? " (keyed)" : ""));
        try {
            Response response = chain.proceed(request);
            long ms = TimeUnit.NANOSECONDS.toMillis(System.nanoTime() - start);
            String requestId = response.header("X-Request-Id");
            sink.accept("HeyGen <- " + response.code() + " " + target + " in " + ms + " ms"
                    + (requestId == null ? "" : " request-id=" + requestId));
            return response;
        } catch (IOException e) {
            sink.accept("HeyGen x  " + target + " failed: " + e.getClass().getSimpleName()
                    + (e.getMessage() == null ? "" : " " + Redaction.text(e.getMessage())));
            throw e;
        }
    }
}
