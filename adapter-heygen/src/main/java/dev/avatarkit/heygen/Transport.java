package dev.avatarkit.heygen;

import com.squareup.moshi.Moshi;
import dev.avatarkit.core.port.OutcomeUnknownException;
import dev.avatarkit.core.port.ProviderCallListener;
import dev.avatarkit.core.port.ProviderException;
import dev.avatarkit.core.port.ProviderUnavailableException;
import dev.avatarkit.core.port.Sleeper;
import java.io.IOException;
import java.net.ConnectException;
import java.net.UnknownHostException;
import java.time.Clock;
import java.time.Duration;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.function.Consumer;
import java.util.function.DoubleSupplier;
import java.util.function.Supplier;
import okhttp3.HttpUrl;
import okhttp3.OkHttpClient;
import okhttp3.ResponseBody;
import retrofit2.Call;
import retrofit2.Response;
import retrofit2.Retrofit;
import retrofit2.converter.moshi.MoshiConverterFactory;

/**
 * The HTTP side of the adapter: one {@link OkHttpClient} (per-kind variants via {@code newBuilder()} share its pool),
 * Retrofit services, the gates, the retry policy and the error mapping. Every call goes through {@link #call}, so no
 * {@code IOException} or {@code retrofit2.HttpException} gets out: only {@link ProviderException}s.
 */
final class Transport implements AutoCloseable {
    /** What a call is, which decides its timeouts and how an ambiguous failure reads. */
    enum Kind {
        /** GET: 30 s, retried on 5xx/IO. */
        READ,
        /** A create (POST that makes something billable): 120 s, no silent OkHttp retry, 5xx/IO = outcome unknown. */
        CREATE,
        /** A non-creating write (DELETE, PATCH): 120 s, retried like a read. */
        WRITE,
        /** Upload: 10 min, create semantics. */
        UPLOAD
    }

    private final HeyGenConfig config;
    private final Moshi moshi;
    private final EnvelopeConverter envelopes;
    private final OkHttpClient base;
    private final OkHttpClient reads;
    private final OkHttpClient writes;
    private final OkHttpClient transfers;
    private final RetryPolicy retry;
    private final RateGate rateGate;
    private final CreateCallGate createGate;
    private final Map<String, Object> services = new ConcurrentHashMap<>();
    private final ProviderCallListener calls;

    Transport(
            HeyGenConfig config,
            Clock clock,
            Sleeper sleeper,
            DoubleSupplier jitter,
            Consumer<String> logSink,
            ProviderCallListener calls) {
        this.config = config;
        this.calls = calls;
        this.moshi = new Moshi.Builder().build();
        this.envelopes = new EnvelopeConverter(moshi);
        HeyGenConfig.Timeouts t = config.timeouts();
        this.base = new OkHttpClient.Builder()
                .connectTimeout(t.connect())
                .followRedirects(true)
                .addInterceptor(new AuthHeader(config))
                .addInterceptor(new CallMetrics(calls))
                .addNetworkInterceptor(new HttpLog(logSink))
                .build();
        this.reads = base.newBuilder()
                .readTimeout(t.read())
                .writeTimeout(t.read())
                .callTimeout(t.read().multipliedBy(2))
                .build();
        // Creates: OkHttp must not silently resend a POST after a connection failure (it could pay twice).
        this.writes = base.newBuilder()
                .readTimeout(t.create())
                .writeTimeout(t.create())
                .retryOnConnectionFailure(false)
                .build();
        this.transfers = base.newBuilder()
                .readTimeout(t.transfer())
                .writeTimeout(t.transfer())
                .retryOnConnectionFailure(false)
                .build();
        this.rateGate = new RateGate(config.requestsPerSecond(), clock, sleeper);
        this.retry = new RetryPolicy(config.retry(), sleeper, clock, jitter, rateGate::drain);
        this.createGate = new CreateCallGate(config.maxConcurrency());
    }

    Moshi moshi() {
        return moshi;
    }

    RetryPolicy retryPolicy() {
        return retry;
    }

    /** The client for streaming downloads (no API key is sent to foreign hosts, see {@link AuthHeader}). */
    OkHttpClient transferClient() {
        return transfers;
    }

    /** A Retrofit service on the API host ({@code upload=false}) or the legacy upload host, for one kind of call. */
    <S> S service(Class<S> api, Kind kind, boolean upload) {
        String cacheKey = api.getName() + kind + upload;
        return api.cast(services.computeIfAbsent(
                cacheKey,
                k -> new Retrofit.Builder()
                        .baseUrl(slash(
                                upload
                                        ? config.uploadUrl().toString()
                                        : config.baseUrl().toString()))
                        .client(client(kind))
                        .addConverterFactory(envelopes)
                        .addConverterFactory(MoshiConverterFactory.create(moshi))
                        .validateEagerly(true)
                        .build()
                        .create(api)));
    }

    private OkHttpClient client(Kind kind) {
        return switch (kind) {
            case READ -> reads;
            case CREATE, WRITE -> writes;
            case UPLOAD -> transfers;
        };
    }

    /**
     * Runs one logical call with retries and returns its {@code data}, which must be there. {@code idempotent}: may be
     * repeated after a 5xx/IO (GET, DELETE, keyed v3 creates); a legacy create is not. {@code call} makes a fresh
     * {@link Call} per attempt.
     */
    <T> T call(Kind kind, boolean idempotent, String what, Supplier<Call<Envelope<T>>> call) {
        return data(exchange(kind, idempotent, what, call), what, isCreate(kind));
    }

    /** Like {@link #call} but returns the whole envelope (paging fields; {@code data} may be absent). */
    <T> Envelope<T> exchange(Kind kind, boolean idempotent, String what, Supplier<Call<Envelope<T>>> call) {
        Consumer<ProviderException> retrying = e -> calls.retrying(CallMetrics.PROVIDER, what, RetryPolicy.reason(e));
        if (!isCreate(kind)) return retry.run(idempotent, () -> once(kind, what, call.get()), retrying);
        try {
            createGate.acquire();
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new ProviderUnavailableException("interrupted before " + what, 0, null, null, null);
        }
        try {
            return retry.run(idempotent, () -> once(kind, what, call.get()), retrying);
        } finally {
            createGate.release();
        }
    }

    private static boolean isCreate(Kind kind) {
        return kind == Kind.CREATE || kind == Kind.UPLOAD;
    }

    private <T> Envelope<T> once(Kind kind, String what, Call<Envelope<T>> call) {
        boolean create = isCreate(kind);
        try {
            rateGate.acquire();
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new ProviderUnavailableException("interrupted before " + what, 0, null, null, null);
        }
        Response<Envelope<T>> response;
        try {
            response = call.execute();
        } catch (ConnectException | UnknownHostException e) {
            throw ErrorMapper.transport(what, create, false, e); // never reached the server: nothing created
        } catch (IOException | RuntimeException e) {
            throw ErrorMapper.transport(what, create, true, e);
        }
        int status = response.code();
        String requestId = response.headers().get("X-Request-Id");
        if (response.isSuccessful()) {
            Envelope<T> envelope = response.body();
            if (envelope == null || !envelope.readable()) {
                String msg = "HeyGen " + what + ": unreadable " + status + " response";
                throw create
                        ? new OutcomeUnknownException(
                                msg + "; the create may have been accepted", status, null, requestId, null)
                        : new ProviderUnavailableException(msg, status, null, requestId, null);
            }
            // 200 with an error body is an error, never a status (HeyGen's legacy API does this).
            if (envelope.isError()) throw ErrorMapper.map(status, envelope.error(), requestId, Duration.ZERO, false);
            return envelope;
        }
        byte[] bytes;
        try (ResponseBody body = response.errorBody()) {
            bytes = body == null ? new byte[0] : body.bytes();
        } catch (IOException e) {
            throw ErrorMapper.transport(what, create, true, e);
        }
        Duration retryAfter = retry.parseRetryAfter(response.headers().get("Retry-After"));
        throw ErrorMapper.map(status, envelopes.errorIn(bytes), requestId, retryAfter, create);
    }

    /** The envelope's {@code data}; absent or of an unexpected shape is the provider's fault, reported without the body. */
    <T> T data(Envelope<T> envelope, String what, boolean create) {
        if (envelope.data() != null) return envelope.data();
        String msg = "HeyGen " + what + ": unexpected response shape";
        throw create
                ? new OutcomeUnknownException(msg + "; the create may have been accepted", 200, null, null, null)
                : new ProviderUnavailableException(msg, 200, null, null, null);
    }

    static String slash(String url) {
        return url.endsWith("/") ? url : url + "/";
    }

    @Override
    public void close() {
        base.dispatcher().executorService().shutdown();
        base.connectionPool().evictAll();
    }

    /** Adds {@code X-Api-Key} to requests for our API and upload hosts only — never to signed download URLs. */
    private static final class AuthHeader implements okhttp3.Interceptor {
        private final HttpUrl api;
        private final HttpUrl upload;
        private final String key;

        AuthHeader(HeyGenConfig config) {
            this.api = HttpUrl.get(config.baseUrl().toString());
            this.upload = HttpUrl.get(config.uploadUrl().toString());
            this.key = config.apiKey().value();
        }

        @Override
        public okhttp3.Response intercept(Chain chain) throws IOException {
            HttpUrl url = chain.request().url();
            boolean ours = sameOrigin(url, api) || sameOrigin(url, upload);
            okhttp3.Request.Builder builder = chain.request().newBuilder().header("User-Agent", "avatarkit-heygen");
            if (ours) builder.header("X-Api-Key", key);
            return chain.proceed(builder.build());
        }

        private static boolean sameOrigin(HttpUrl a, HttpUrl b) {
            return a.scheme().equals(b.scheme()) && a.host().equals(b.host()) && a.port() == b.port();
        }
    }
}
