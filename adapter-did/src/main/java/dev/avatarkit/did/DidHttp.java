package dev.avatarkit.did;

import com.squareup.moshi.JsonAdapter;
import com.squareup.moshi.JsonDataException;
import com.squareup.moshi.Moshi;
import dev.avatarkit.core.port.ProviderException;
import dev.avatarkit.core.spi.ProviderContext;
import java.io.IOException;
import java.lang.reflect.Type;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.function.Consumer;
import java.util.function.Supplier;
import okhttp3.HttpUrl;
import okhttp3.Interceptor;
import okhttp3.OkHttpClient;
import okhttp3.Request;
import okhttp3.ResponseBody;
import retrofit2.Call;
import retrofit2.Response;
import retrofit2.Retrofit;
import retrofit2.converter.moshi.MoshiConverterFactory;

/**
 * The adapter's only way to D-ID: one connection pool, a client per kind of call, the auth header, one log line and
 * one metrics event per exchange, read retries, and the mapping of every failure to a {@link ProviderException}.
 */
final class DidHttp implements AutoCloseable {
    static final String PROVIDER = DidPlugin.NAME;
    /** The largest API answer read (the full voice list is the biggest D-ID sends, well under this). */
    static final int MAX_ANSWER_BYTES = 16 * 1024 * 1024;

    private final DidConfig config;
    private final ProviderContext context;
    private final Consumer<String> log;
    private final Moshi moshi = new Moshi.Builder().build();
    private final Redactor redactor;
    private final Failures failures;
    private final RetryRules retries;
    private final OkHttpClient pool;
    private final OkHttpClient downloads;
    private final DidApi reads;
    private final DidApi creates;

    DidHttp(DidConfig config, ProviderContext context, Consumer<String> log) {
        this.config = config;
        this.context = context;
        this.log = log;
        this.redactor = new Redactor(config.key());
        this.failures = new Failures(moshi, redactor);
        this.retries = new RetryRules(
                config.retries(),
                context.sleeper(),
                reason -> context.calls().retrying(PROVIDER, reason.operation(), reason.kind()));
        DidConfig.Timeouts t = config.timeouts();
        this.pool = new OkHttpClient.Builder()
                .connectTimeout(t.connect())
                .addInterceptor(new Authorization())
                .build();
        OkHttpClient readClient = pool.newBuilder()
                .readTimeout(t.read())
                .callTimeout(t.read().multipliedBy(2))
                .build();
        // a create must never be resent silently by OkHttp after a connection failure: D-ID would render it twice
        OkHttpClient createClient = pool.newBuilder()
                .readTimeout(t.create())
                .writeTimeout(t.create())
                .retryOnConnectionFailure(false)
                .build();
        this.downloads = pool.newBuilder().readTimeout(t.transfer()).build();
        this.reads = service(readClient);
        this.creates = service(createClient);
    }

    private DidApi service(OkHttpClient client) {
        return new Retrofit.Builder()
                .baseUrl(config.baseUrl().toString())
                .client(client)
                .addConverterFactory(MoshiConverterFactory.create(moshi))
                .validateEagerly(true)
                .build()
                .create(DidApi.class);
    }

    DidApi readApi() {
        return reads;
    }

    DidApi createApi() {
        return creates;
    }

    OkHttpClient downloadClient() {
        return downloads;
    }

    boolean apiOnLoopback() {
        return config.apiOnLoopback();
    }

    ProviderContext context() {
        return context;
    }

    /** A call that changes nothing billable (GET, DELETE): retried on 429/5xx/IO within the budget. */
    <T> T read(String route, Type type, Supplier<Call<ResponseBody>> call) {
        config.requireKey();
        return retries.run(route, true, () -> parse(route, type, exchange(route, call.get(), false), false));
    }

    /** A DELETE: retried like a read; the answer's body (the deleted object, or nothing) is not needed. */
    void delete(String route, Supplier<Call<ResponseBody>> call) {
        config.requireKey();
        retries.run(route, true, () -> exchange(route, call.get(), false));
    }

    /** A create: one attempt only (a 429 created nothing and is retried); 5xx, drops and odd 2xx are outcome-unknown. */
    <T> T create(String route, Type type, Supplier<Call<ResponseBody>> call) {
        config.requireKey();
        return retries.run(route, false, () -> parse(route, type, exchange(route, call.get(), true), true));
    }

    private Answer exchange(String route, Call<ResponseBody> call, boolean create) {
        long start = System.nanoTime();
        Response<ResponseBody> response;
        try {
            response = call.execute();
        } catch (IOException e) {
            finished(route, call.request(), "io_error", start);
            throw failures.fromTransport(route, e, create);
        }
        byte[] body;
        try (ResponseBody raw = response.isSuccessful() ? response.body() : response.errorBody()) {
            // capped: a JSON answer is kilobytes; a runaway body (a misrouted file, a broken gateway) must not fill the
            // heap
            body = raw == null ? new byte[0] : raw.byteStream().readNBytes(MAX_ANSWER_BYTES + 1);
        } catch (IOException e) {
            finished(route, call.request(), "io_error", start);
            throw failures.fromTransport(route, e, create);
        }
        int status = response.code();
        if (body.length > MAX_ANSWER_BYTES && response.isSuccessful()) {
            finished(route, call.request(), "io_error", start);
            throw failures.unreadable(route, status, create);
        } // an oversized error body is cut; its status alone then decides
        finished(route, call.request(), status == 429 ? "429" : (status / 100) + "xx", start);
        if (!response.isSuccessful()) {
            Duration wait = RetryAfter.parse(
                    response.headers().get("Retry-After"),
                    context.clock(),
                    config.retries().maxDelay());
            throw failures.fromStatus(route, status, body, wait, create);
        }
        return new Answer(status, body);
    }

    /** A 2xx answer's status and bytes. */
    private record Answer(int status, byte[] body) {}

    private <T> T parse(String route, Type type, Answer answer, boolean create) {
        try {
            JsonAdapter<T> adapter = moshi.adapter(type);
            T value = adapter.fromJson(new String(answer.body(), StandardCharsets.UTF_8));
            if (value == null) throw new JsonDataException("empty");
            return value;
        } catch (IOException | JsonDataException | IllegalArgumentException e) {
            throw failures.unreadable(route, answer.status(), create);
        }
    }

    private void finished(String route, Request request, String outcome, long startNanos) {
        Duration latency = Duration.ofNanos(System.nanoTime() - startNanos);
        context.calls().exchanged(PROVIDER, route, outcome, latency);
        log.accept("D-ID " + request.method() + " " + Redactor.url(request.url()) + " -> " + outcome + " in "
                + latency.toMillis() + " ms");
    }

    @Override
    public void close() {
        pool.dispatcher().executorService().shutdown();
        pool.connectionPool().evictAll();
    }

    /**
     * {@code Authorization: <scheme> <key>}, verbatim, on requests to D-ID's API only: result URLs are presigned S3
     * links on other hosts, and a key sent there would leak it (S3 also refuses a request with two auth methods).
     */
    private final class Authorization implements Interceptor {
        private final HttpUrl api = HttpUrl.get(config.baseUrl().toString());

        @Override
        public okhttp3.Response intercept(Chain chain) throws IOException {
            Request request = chain.request();
            HttpUrl url = request.url();
            Request.Builder builder = request.newBuilder().header("User-Agent", "avatarkit-d-id");
            boolean api = url.scheme().equals(this.api.scheme())
                    && url.host().equals(this.api.host())
                    && url.port() == this.api.port();
            if (api && config.key().isPresent()) {
                builder.header("Authorization", config.key().get().header(config.authScheme()));
            }
            return chain.proceed(builder.build());
        }
    }
}
