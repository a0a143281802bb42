package dev.avatarkit.http;

import dev.avatarkit.http.dashboard.Dashboard;
import io.javalin.Javalin;
import io.javalin.http.Handler;
import io.javalin.http.HandlerType;
import io.micrometer.prometheusmetrics.PrometheusMeterRegistry;
import java.util.ArrayList;
import java.util.List;
import org.eclipse.jetty.server.HttpConfiguration;
import org.eclipse.jetty.server.HttpConnectionFactory;
import org.eclipse.jetty.server.Server;
import org.eclipse.jetty.server.ServerConnector;
import org.eclipse.jetty.util.thread.QueuedThreadPool;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The avatarkit server: the routes of DESIGN §7 over the shared job engine. {@link #start()} starts the workers
 * (resuming unfinished jobs) and then listens; {@link #close()} stops taking requests, ends event streams, lets
 * requests in flight finish, then stops the workers (a running step finishes or is picked up again later).
 */
public final class ApiServer implements AutoCloseable {
    private static final Logger LOG = LoggerFactory.getLogger(ApiServer.class);

    /** A registered route; the OpenAPI document must describe every one. */
    public record Route(String method, String path) {}

    private final Backend backend;
    private final HttpSettings settings;
    private final EventHub hub;
    private final ServerMetrics metrics;
    private final Admission admission;
    private final StreamCaps streams;
    private final AsyncBodies webhookBodies;
    private final EventStream events;
    private final Dashboard dashboard;
    private final BearerAuth auth;
    private final List<Route> routes = new ArrayList<>();
    private final List<AutoCloseable> subscriptions = new ArrayList<>();
    private Javalin app;
    private boolean closed;

    ApiServer(Backend backend, HttpSettings settings, PrometheusMeterRegistry registry, Dashboard dashboard) {
        this.backend = backend;
        this.dashboard = dashboard;
        this.settings = settings;
        this.hub = new EventHub(settings.eventRing(), settings.eventQueue(), backend.clock());
        this.metrics =
                new ServerMetrics(registry, backend.jobs(), backend.video().name(), backend.clock());
        this.admission = new Admission(settings.limits());
        this.streams = new StreamCaps(settings.limits());
        this.webhookBodies = new AsyncBodies(
                settings.limits().maxWebhookReads(), settings.limits().webhookDeadline());
        this.events = new EventStream(hub, settings.heartbeat(), streams);
        this.auth = new BearerAuth(settings.tokens());
    }

    public synchronized ApiServer start() {
        subscriptions.add(backend.events().subscribe(hub));
        subscriptions.add(backend.events().subscribe(metrics));
        subscriptions.add(backend.providerCalls().subscribe(metrics));
        subscriptions.add(backend.events().subscribe(admission));
        admission.seed(backend.jobs());
        backend.startWorkers().run();
        app = Javalin.create(config -> {
            config.showJavalinBanner = false;
            config.http.disableCompression(); // streams (SSE, assets) write straight through
            config.http.prefer405over404 = true;
            config.http.maxRequestSize = settings.csvLimit();
            config.jetty.defaultPort = settings.port();
            config.jetty.threadPool = new QueuedThreadPool(settings.limits().maxThreads(), 8, 60_000);
            config.requestLogger.http(metrics::request);
            config.jetty.modifyServer(server -> {
                server.setStopTimeout(settings.stopGrace().toMillis());
                server.setErrorHandler(new JettyProblems());
            });
            config.jetty.modifyServletContextHandler(context -> context.setErrorHandler(new JettyProblems()));
            config.jetty.modifyHttpConfiguration(http -> {
                http.setMinRequestDataRate(settings.limits().minRequestRate());
                http.setSendServerVersion(false);
            });
            config.jetty.addConnector((server, http) -> connector(server, http));
        });
        Problems.install(app, auth);
        register(app);
        app.start(settings.port());
        LOG.info("avatarkit-http listening on port {}", app.port());
        return this;
    }

    /** The listener, with an idle timeout: a connection that says nothing for that long is closed. */
    private ServerConnector connector(Server server, HttpConfiguration http) {
        ServerConnector connector = new ServerConnector(server, new HttpConnectionFactory(http));
        connector.setPort(settings.port());
        connector.setIdleTimeout(settings.limits().idleTimeout().toMillis());
        return connector;
    }

    private void register(Javalin javalin) {
        JobApi jobs = new JobApi(backend, settings.jsonLimit(), admission);
        BatchApi batches = new BatchApi(backend, settings.jsonLimit(), settings.csvLimit(), admission);
        AssetApi assets = new AssetApi(backend);
        WebhookApi webhooks = new WebhookApi(backend.webhooks(), settings.webhookLimit(), webhookBodies);
        OpsApi ops = new OpsApi(backend, metrics);
        // first: Javalin tries a method's routes in the order they were added, one regex each, until one matches, and
        // this is the route producers poll hardest (two failed matches before it were ~4 % of its samples under wrk)
        route(javalin, HandlerType.GET, "/v1/jobs/{id}", jobs::get);
        route(javalin, HandlerType.POST, "/v1/videos", jobs::createVideo);
        route(javalin, HandlerType.POST, "/v1/templates/{id}/videos", jobs::createTemplateVideo);
        route(javalin, HandlerType.POST, "/v1/batches", batches::create);
        route(javalin, HandlerType.GET, "/v1/batches/{id}", batches::get);
        route(
                javalin,
                HandlerType.POST,
                "/v1/influencers",
                new InfluencerApi(backend, settings.jsonLimit(), admission)::create);
        route(javalin, HandlerType.GET, "/v1/jobs", jobs::list);
        route(javalin, HandlerType.DELETE, "/v1/jobs/{id}", jobs::cancel);
        route(javalin, HandlerType.POST, "/v1/jobs/{id}/retry", jobs::retry);
        route(javalin, HandlerType.GET, "/v1/jobs/{id}/assets/{kind}", assets::download);
        route(javalin, HandlerType.GET, "/v1/events", events::handle);
        route(javalin, HandlerType.GET, "/v1/providers", ops::providers);
        route(javalin, HandlerType.POST, "/webhooks/{provider}", webhooks::receive);
        route(javalin, HandlerType.OPTIONS, "/webhooks/{provider}", WebhookApi::options);
        route(javalin, HandlerType.GET, "/healthz", ops::health);
        route(javalin, HandlerType.GET, "/readyz", ops::ready);
        route(javalin, HandlerType.GET, "/metrics", ops::metrics);
        route(javalin, HandlerType.GET, "/openapi.json", ops::openApi);
        // the web dashboard's pages (session cookie, not bearer; not part of the JSON API's OpenAPI document)
        dashboard.register(
                javalin,
                new Dashboard.Bridge(
                        (ctx, token) -> {
                            new Client(token).attach(ctx);
                            events.handle(ctx);
                        },
                        assets::download,
                        new DashboardAdmission(admission)));
    }

    /**
     * Every {@code /v1} route authenticates inside its own handler: a path-matched before-filter cost every request
     * one more regex match, path-parameter extraction and handler task (JFR under wrk). Unknown {@code /v1} paths
     * and methods are authenticated by {@link Problems}' 404/405 mappers, so a caller without a token still gets 401
     * first.
     */
    private void route(Javalin javalin, HandlerType method, String path, Handler handler) {
        Handler guarded = BearerAuth.guards(path) ? auth.guarding(handler) : handler;
        javalin.addHttpHandler(method, path, guarded);
        // Javalin answers HEAD of a GET route itself, 200 with no route run (so no auth); a HEAD route of its own
        // runs the same guard and handler, and Jetty drops the body
        if (method == HandlerType.GET && BearerAuth.guards(path))
            javalin.addHttpHandler(HandlerType.HEAD, path, guarded);
        routes.add(new Route(method.name(), path));
    }

    public int port() {
        return app.port();
    }

    public List<Route> routes() {
        return List.copyOf(routes);
    }

    @Override
    public synchronized void close() {
        if (closed) return;
        closed = true;
        hub.close();
        if (app != null) app.stop();
        events.close();
        webhookBodies.close();
        for (AutoCloseable s : subscriptions) closeQuietly(s);
        closeQuietly(backend.shutdown());
        LOG.info("avatarkit-http stopped");
    }

    private static void closeQuietly(AutoCloseable c) {
        try {
            c.close();
        } catch (Exception e) {
            LOG.warn("while stopping: {}", e.toString());
        }
    }
}
