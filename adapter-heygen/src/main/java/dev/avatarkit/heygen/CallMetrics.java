package dev.avatarkit.heygen;

import dev.avatarkit.core.port.ProviderCallListener;
import java.io.IOException;
import java.lang.annotation.Annotation;
import java.time.Duration;
import okhttp3.Interceptor;
import okhttp3.Request;
import okhttp3.Response;
import retrofit2.Invocation;

/**
 * Reports each HTTP exchange to a {@link ProviderCallListener}: the Retrofit route template (never the filled-in
 * path, so no ids and no unbounded label values), the outcome class and the latency. Signed file URLs are reported
 * as {@code download}.
 */
final class CallMetrics implements Interceptor {
    static final String PROVIDER = "heygen";

    private final ProviderCallListener listener;

    CallMetrics(ProviderCallListener listener) {
        this.listener = listener;
    }

    @Override
    public Response intercept(Chain chain) throws IOException {
        Request request = chain.request();
        long start = System.nanoTime();
        try {
            Response response = chain.proceed(request);
            report(request, outcome(response.code()), start);
            return response;
        } catch (IOException | RuntimeException e) {
            report(request, "io_error", start);
            throw e;
        }
    }

    private void report(Request request, String outcome, long startNanos) {
        listener.exchanged(PROVIDER, route(request), outcome, Duration.ofNanos(System.nanoTime() - startNanos));
    }

    static String outcome(int status) {
        if (status == 429) return "429";
        return (status / 100) + "xx";
    }

    /** {@code GET v3/videos/{video_id}} from the Retrofit method's annotation; {@code download} for other URLs. */
    static String route(Request request) {
        Invocation invocation = request.tag(Invocation.class);
        if (invocation == null) return "download";
        for (Annotation a : invocation.method().getAnnotations()) {
            String path = pathOf(a);
            if (path != null) return request.method() + " " + path;
        }
        return request.method() + " " + invocation.method().getName();
    }

    private static String pathOf(Annotation a) {
        if (a instanceof retrofit2.http.GET get) return get.value();
        if (a instanceof retrofit2.http.POST post) return post.value();
        if (a instanceof retrofit2.http.DELETE delete) return delete.value();
        if (a instanceof retrofit2.http.PUT put) return put.value();
        if (a instanceof retrofit2.http.PATCH patch) return patch.value();
        if (a instanceof retrofit2.http.HTTP http) return http.path();
        return null;
    }
}
