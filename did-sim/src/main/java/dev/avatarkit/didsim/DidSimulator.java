package dev.avatarkit.didsim;

import com.sun.net.httpserver.HttpServer;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.InstantSource;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.ArrayBlockingQueue;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.ThreadFactory;
import java.util.concurrent.ThreadPoolExecutor;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicLong;

/**
 * An embeddable D-ID API simulator on loopback: talks, clips, presenters, voices, credits, uploads and consents, with
 * D-ID's auth, error bodies and status words, schema-checked requests, fault injection and counters.
 * {@code try (var sim = DidSimulator.builder().renderTime(Duration.ofMillis(200)).build().start()) {...}}
 */
public final class DidSimulator implements AutoCloseable {
    private static final String NO_DELAY = "sun.net.httpserver.nodelay";

    static {
        // The JDK server writes a response's headers and body as two segments; with Nagle on (its default) the
        // body waits for the client's delayed ACK of the headers: 40 ms stalls on loopback (see HeyGen's simulator).
        // A vendor's front end sends without that wait. Read once, when the first server of the process starts.
        if (System.getProperty(NO_DELAY) == null) System.setProperty(NO_DELAY, "true");
    }

    /**
     * The fixed key of the sandbox (not a secret: it opens only this loopback simulator). Shaped like a D-ID key,
     * {@code base64(email):password}, and sent verbatim after {@code Basic }.
     */
    public static final String SANDBOX_KEY = "ZGlkLXNpbUBhdmF0YXJraXQubG9jYWw:did-sim-sandbox";

    private final Builder config;
    private final Faults faults = new Faults();
    private final Stats stats = new Stats();
    private final SimContext ctx;
    private final IdentityRoutes identities;
    private final Webhooks webhooks;
    private ScheduledExecutorService background;
    private ExecutorService webhookSenders;
    private HttpServer server;
    private ExecutorService threads;
    private String baseUrl;

    private DidSimulator(Builder b) {
        this.config = b;
        S3Signer signer = new S3Signer(Ids.next("key_").getBytes(StandardCharsets.UTF_8));
        this.ctx = new SimContext(
                b.clock,
                b.renderTime,
                b.urlTtl,
                b.resignOnRead,
                signer,
                new Bucket(),
                new Renders(),
                new Catalogue(b.clock.instant().minus(Duration.ofDays(300))),
                stats,
                new AtomicLong(b.credits),
                b.credits);
        ctx.catalogue().storeMedia(ctx.bucket());
        this.identities = new IdentityRoutes(ctx);
        this.webhooks = new Webhooks(ctx);
    }

    public static Builder builder() {
        return new Builder();
    }

    /** Binds the loopback port and serves; returns this. */
    public synchronized DidSimulator start() {
        try {
            server = HttpServer.create(new InetSocketAddress(InetAddress.getLoopbackAddress(), config.port), 256);
        } catch (IOException e) {
            throw new UncheckedIOException("cannot bind 127.0.0.1:" + config.port, e);
        }
        baseUrl = "http://127.0.0.1:" + server.getAddress().getPort();
        ctx.signer().baseUrl(baseUrl);
        List<Route> routes = new ArrayList<>();
        routes.addAll(new AccountRoutes(ctx).routes()); // before /clips/{id}: "presenters" is not a clip id
        routes.addAll(new RenderRoutes(ctx, Render.Kind.TALK, webhooks).routes());
        routes.addAll(new RenderRoutes(ctx, Render.Kind.CLIP, webhooks).routes());
        routes.addAll(new Uploads(ctx).routes());
        routes.addAll(identities.routes());
        routes.addAll(new ObjectRoutes(ctx).routes());
        routes.addAll(new AdminRoutes(this).routes());
        server.createContext(
                "/", new FrontDoor(routes, config.apiKey, faults, stats, DidSchema.published(), config.lenient));
        // 64 request threads (a slow fault holds one for its delay) and at most 1,024 requests waiting behind them
        ThreadPoolExecutor requests = new ThreadPoolExecutor(
                64, 64, 30, TimeUnit.SECONDS, new ArrayBlockingQueue<>(1_024), daemon("did-sim-http"));
        requests.allowCoreThreadTimeOut(true);
        threads = requests;
        server.setExecutor(threads);
        server.start();
        background = Executors.newSingleThreadScheduledExecutor(daemon("did-sim-webhook-clock"));
        // two senders and a bounded queue: a slow receiver cannot pile up threads or memory in the simulator
        webhookSenders = new ThreadPoolExecutor(
                2, 2, 0, TimeUnit.SECONDS, new ArrayBlockingQueue<>(1_000), daemon("did-sim-webhook"));
        webhooks.start(background, webhookSenders);
        return this;
    }

    /** e.g. {@code http://127.0.0.1:8901}, no trailing slash. */
    public String baseUrl() {
        return baseUrl;
    }

    public int port() {
        return server.getAddress().getPort();
    }

    /** The one key this simulator accepts after {@code Authorization: Basic }. */
    public String apiKey() {
        return config.apiKey;
    }

    public Faults faults() {
        return faults;
    }

    public Stats stats() {
        return stats;
    }

    /**
     * Takes over a talk or clip a previous simulator process accepted and lost when it died (the sandbox after a crash):
     * the id renders anew from now for the simulator's key, so the client holding it finishes the job instead of
     * failing it as not found. Ids this simulator knows, and ids that are not {@code tlk_…}/{@code clp_…}, are left.
     *
     * @return true if the id was adopted
     */
    public boolean adopt(String talkOrClipId) {
        Render.Kind kind = talkOrClipId.startsWith(Render.Kind.TALK.prefix)
                ? Render.Kind.TALK
                : talkOrClipId.startsWith(Render.Kind.CLIP.prefix) ? Render.Kind.CLIP : null;
        if (kind == null || ctx.renders().contains(talkOrClipId)) return false;
        var request = SimJson.object().put("name", "adopted " + talkOrClipId);
        Render r = new Render(
                talkOrClipId,
                kind,
                Ids.ownerOf(config.apiKey),
                ctx.now(),
                request,
                Timeline.Ending.DONE,
                config.renderTime);
        ctx.renders().add(r);
        r.storeMedia(ctx.bucket());
        return true;
    }

    /** Forgets renders, uploads, consents, avatars, faults and counters (the catalogue stays, credits refill). */
    public void reset() {
        ctx.renders().clear();
        identities.clear();
        webhooks.clear();
        ctx.bucket().clear();
        ctx.catalogue().storeMedia(ctx.bucket());
        ctx.credits().set(config.credits);
        faults.clear();
        stats.reset();
    }

    @Override
    public synchronized void close() {
        if (server != null) server.stop(0);
        if (threads != null) threads.shutdownNow();
        if (background != null) background.shutdownNow();
        if (webhookSenders != null) webhookSenders.shutdownNow();
    }

    private static ThreadFactory daemon(String name) {
        return r -> {
            Thread t = new Thread(r, name);
            t.setDaemon(true);
            return t;
        };
    }

    /** Settings for a simulator; each has a sandbox-friendly default. */
    public static final class Builder {
        private int port = 0;
        private Duration renderTime = Duration.ofSeconds(5);
        private String apiKey = SANDBOX_KEY;
        private InstantSource clock = InstantSource.system();
        private Duration urlTtl = Duration.ofHours(24);
        private boolean resignOnRead = true;
        private long credits = -1;
        private boolean lenient = false;

        /** 0 = any free port. */
        public Builder port(int p) {
            this.port = p;
            return this;
        }

        /** Create to {@code done}; the first fifth of it is spent {@code created}, the rest {@code started}. */
        public Builder renderTime(Duration d) {
            if (d == null || d.isNegative()) throw new IllegalArgumentException("'renderTime' must be zero or more");
            this.renderTime = d;
            return this;
        }

        /** The one key accepted after {@code Basic } (compared exactly, no decoding). */
        public Builder apiKey(String key) {
            if (key == null || key.isBlank()) throw new IllegalArgumentException("'apiKey' must not be blank");
            this.apiKey = key;
            return this;
        }

        /** Drives render progress and URL expiry; a test passes a settable one and never sleeps. */
        public Builder clock(InstantSource c) {
            this.clock = c;
            return this;
        }

        /** Lifetime of presigned URLs (D-ID's example: about 24 h). */
        public Builder urlTtl(Duration d) {
            this.urlTtl = d;
            return this;
        }

        /** true (default): each read signs a fresh URL; false: the URL signed at completion stays until it expires. */
        public Builder resignOnRead(boolean b) {
            this.resignOnRead = b;
            return this;
        }

        /** Credits, one per talk or clip (402 once spent); negative = unlimited (the default). */
        public Builder credits(long n) {
            this.credits = n;
            return this;
        }

        /** true: requests that break the schema still reach the routes (counted in stats); default false = 400. */
        public Builder lenient(boolean b) {
            this.lenient = b;
            return this;
        }

        public DidSimulator build() {
            return new DidSimulator(this);
        }
    }
}
