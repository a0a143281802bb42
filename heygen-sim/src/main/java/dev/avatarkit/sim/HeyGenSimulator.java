package dev.avatarkit.sim;

import com.sun.net.httpserver.HttpServer;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;

/**
 * An embeddable HeyGen API simulator (v3 + legacy v1/v2) on loopback, with fault injection and counters.
 * {@code try (var sim = HeyGenSimulator.builder().port(0).renderTime(Duration.ofMillis(200)).build().start()) {...}}
 */
public final class HeyGenSimulator implements AutoCloseable {
    private static final String NO_DELAY = "sun.net.httpserver.nodelay";

    static {
        // The JDK server writes a response's headers and body as two segments; with Nagle on (its default) the
        // body waits for the client's delayed ACK of the headers: 40 ms stalls on loopback, on a tenth of the
        // reads and on every small file in the 20 s stand-in (44 ms bulk reads, 0.15 s for a job's three files).
        // A vendor's front end sends without that wait. Read once, when the first server of the process starts.
        if (System.getProperty(NO_DELAY) == null) System.setProperty(NO_DELAY, "true");
    }

    private final Builder config;
    private final SimClock clock;
    private final Stats stats = new Stats();
    private final Faults faults;
    private final MediaStore media = new MediaStore();
    private final IdempotencyStore idempotency = new IdempotencyStore();
    private final WireLog wireLog = new WireLog();
    private final VideoBatches batches = new VideoBatches();
    private final V3AssetRoutes.Assets assets = new V3AssetRoutes.Assets();
    private List<Route> routes = List.of();
    private final UrlSigner signer;
    private final PlanLimits limits;
    private final ScheduledExecutorService background;
    private final WebhookHub hub;
    private final RenderQueue engine;
    private final Catalogue catalogue;
    private final VideoService videos;
    private HttpServer server;
    private ExecutorService requestThreads;
    private String baseUrl;

    private HeyGenSimulator(Builder b) {
        this.config = b;
        this.clock = b.clock;
        this.faults = new Faults(b.seed);
        this.signer = new UrlSigner(
                ("sim-url-key-" + WebhookHub.randomHex(16)).getBytes(StandardCharsets.UTF_8), clock, b.urlTtl);
        this.limits = new PlanLimits(b.requestsPerSecond, b.credits);
        this.background = Executors.newScheduledThreadPool(2, daemon("heygen-sim-bg"));
        this.hub = new WebhookHub(
                new WebhookSender(background, stats, b.webhookBackoff, b.webhookAttempts),
                faults,
                stats,
                b.callbackSecret);
        this.catalogue = new Catalogue(media, clock.now().minus(Duration.ofDays(400)));
        VideoService[] holder = new VideoService[1];
        this.engine = new RenderQueue(clock, b.renderTime, b.concurrency, job -> holder[0].finished(job));
        this.videos = holder[0] = new VideoService(context());
    }

    private SimContext context() {
        return new SimContext(clock, config.renderTime, catalogue, media, signer, engine, hub, limits, stats, faults);
    }

    public static Builder builder() {
        return new Builder();
    }

    /** Binds the loopback port and starts serving; returns this for chaining. */
    public synchronized HeyGenSimulator start() {
        try {
            server = HttpServer.create(new InetSocketAddress(InetAddress.getLoopbackAddress(), config.port), 512);
        } catch (IOException e) {
            throw new UncheckedIOException("cannot bind port " + config.port, e);
        }
        baseUrl = "http://127.0.0.1:" + server.getAddress().getPort();
        signer.baseUrl(baseUrl);
        SimContext ctx = context();
        routes = new ArrayList<>();
        V3VideoRoutes single = new V3VideoRoutes(ctx, videos, batches);
        routes.addAll(single.routes());
        routes.addAll(new V3BatchRoutes(ctx, videos, single, batches).routes());
        routes.addAll(new V3AssetRoutes(ctx, assets).routes());
        routes.addAll(new V3AvatarRoutes(ctx).routes());
        routes.addAll(new V3WebhookRoutes(ctx).routes());
        routes.addAll(new LegacyVideoRoutes(ctx, videos).routes());
        routes.addAll(new LegacyPhotoAvatarRoutes(ctx).routes());
        routes.addAll(new FileRoutes(media, signer).routes());
        routes.addAll(new AdminRoutes(this).routes());
        server.createContext(
                "/",
                new FrontDoor(
                        routes,
                        config.apiKey,
                        limits,
                        faults,
                        stats,
                        idempotency,
                        clock,
                        new SchemaGate(WireSchema.published(), config.lenient, wireLog)));
        requestThreads = Executors.newCachedThreadPool(daemon("heygen-sim-http"));
        server.setExecutor(requestThreads);
        server.start();
        long tick = Math.max(5, Math.min(100, config.renderTime.toMillis() / 10));
        background.scheduleWithFixedDelay(engine::advance, tick, tick, TimeUnit.MILLISECONDS);
        return this;
    }

    /** e.g. {@code http://127.0.0.1:8900} (no trailing slash). */
    public String baseUrl() {
        return baseUrl;
    }

    public int port() {
        return server.getAddress().getPort();
    }

    public Faults faults() {
        return faults;
    }

    /** The routes served once started (method, template, generation, keyed). */
    public List<Route> routes() {
        return List.copyOf(routes);
    }

    /** Every API exchange with the published schema's verdict on request and response (see {@link WireLog}). */
    public WireLog wireLog() {
        return wireLog;
    }

    public Stats stats() {
        return stats;
    }

    /** The secret used to sign deliveries to a create's {@code callback_url} (registered endpoints use their own). */
    public String callbackSecret() {
        return config.callbackSecret;
    }

    public SimClock clock() {
        return clock;
    }

    /** Sets the remaining credits of one API key (0 makes the next create fail for lack of credit). */
    public void setCredits(String apiKey, long credits) {
        limits.setCredits(apiKey, credits);
    }

    /** A signed, expiring URL for a synthetic file of {@code size} bytes (download benchmarks). */
    public String blobUrl(long size) {
        return signer.blobUrl(size);
    }

    /**
     * Takes over a video render that a previous simulator process accepted and forgot when it died (the sandbox after
     * a crash): the id renders anew from now, as if just created, so the client holding it finishes the job instead of
     * failing it as not found. Does nothing for an id this simulator already knows.
     */
    public void adoptVideo(String id, String apiKey, boolean legacy) {
        if (engine.get(id).isPresent()) return;
        VideoJob job = new VideoJob(
                id,
                apiKey,
                legacy ? Generation.V2 : Generation.V3,
                "adopted " + id,
                null,
                null,
                null,
                null,
                null,
                clock.now());
        media.putVideo(id, job.title, null);
        engine.add(job);
    }

    /** As {@link #adoptVideo} for a v3 avatar look (an identity's base look, or a still): ready after one render time. */
    public void adoptLook(String id) {
        if (catalogue.look(id) != null) return;
        Instant now = clock.now();
        AvatarGroup group = new AvatarGroup(
                "grp_" + WebhookHub.randomHex(8), "adopted " + id, null, Catalogue.DOCS_VOICE_ID, false, now, false);
        catalogue.addGroup(group);
        catalogue.addLook(new Look(
                id,
                "adopted " + id,
                group.id,
                "photo_avatar",
                null,
                group.defaultVoiceId,
                "adopted look " + id,
                false,
                now,
                now.plus(config.renderTime),
                768,
                1024,
                "portrait"));
    }

    /** Advances jobs now (useful with a manual clock, where no real time passes). */
    public void tick() {
        engine.advance();
    }

    /** Forgets jobs, endpoints, events, idempotency keys, faults, credits and counters; the catalogue stays. */
    public void reset() {
        engine.clear();
        hub.clear();
        idempotency.clear();
        faults.clear();
        limits.clear();
        stats.reset();
        wireLog.clear();
        batches.clear();
        assets.clear();
    }

    @Override
    public synchronized void close() {
        if (server != null) server.stop(0);
        background.shutdownNow();
        if (requestThreads != null) requestThreads.shutdownNow();
    }

    private static java.util.concurrent.ThreadFactory daemon(String name) {
        return r -> {
            Thread t = new Thread(r, name);
            t.setDaemon(true);
            return t;
        };
    }

    /** Configuration for a simulator; every setting has a sandbox-friendly default. */
    public static final class Builder {
        private int port = 0;
        private Duration renderTime = Duration.ofSeconds(5);
        private String apiKey;
        private int concurrency = 10;
        private int requestsPerSecond = 0;
        private long credits = -1;
        private SimClock clock = SimClock.system();
        private Duration urlTtl = Duration.ofDays(7);
        private long seed = 42;
        private String callbackSecret = "whsec_sim_callback_" + WebhookHub.randomHex(12);
        private Duration webhookBackoff = Duration.ofSeconds(1);
        private int webhookAttempts = 5;
        private boolean lenient = false;

        /** 0 picks a free port. */
        public Builder port(int port) {
            this.port = port;
            return this;
        }
        /** How long a job renders once it holds a concurrency slot. */
        public Builder renderTime(Duration d) {
            this.renderTime = d;
            return this;
        }
        /** null/blank = accept any non-empty key; otherwise only this key. */
        public Builder apiKey(String key) {
            this.apiKey = key == null || key.isBlank() ? null : key;
            return this;
        }
        /** Concurrent render slots per key (legacy queues beyond it, v3 answers 429). */
        public Builder concurrency(int n) {
            this.concurrency = n;
            return this;
        }
        /** Requests per second per key before 429; 0 = unlimited. */
        public Builder requestsPerSecond(int n) {
            this.requestsPerSecond = n;
            return this;
        }
        /** Starting credits per key (one per video); negative = unlimited. */
        public Builder credits(long n) {
            this.credits = n;
            return this;
        }

        public Builder clock(SimClock c) {
            this.clock = c;
            return this;
        }
        /** Lifetime of signed file URLs (HeyGen: 7 days). */
        public Builder urlTtl(Duration d) {
            this.urlTtl = d;
            return this;
        }
        /** Seed for probabilistic faults. */
        public Builder seed(long s) {
            this.seed = s;
            return this;
        }

        public Builder callbackSecret(String s) {
            this.callbackSecret = s;
            return this;
        }
        /** First webhook retry delay; doubles per attempt. */
        public Builder webhookBackoff(Duration d) {
            this.webhookBackoff = d;
            return this;
        }

        public Builder webhookAttempts(int n) {
            this.webhookAttempts = n;
            return this;
        }
        /**
         * true = the pre-schema behaviour: requests that break HeyGen's published schema reach the routes anyway (still
         * logged in {@link #wireLog()}). For fault tests that send what HeyGen would refuse; default false (strict).
         */
        public Builder lenient(boolean b) {
            this.lenient = b;
            return this;
        }

        public HeyGenSimulator build() {
            return new HeyGenSimulator(this);
        }
    }
}
