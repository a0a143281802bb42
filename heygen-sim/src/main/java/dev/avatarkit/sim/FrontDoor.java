package dev.avatarkit.sim;

import com.sun.net.httpserver.HttpExchange;
import com.sun.net.httpserver.HttpHandler;
import java.io.IOException;
import java.io.OutputStream;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The single HttpHandler: request id, routing, auth, rate gate, faults, idempotency, then the route handler.
 * Order matters: gates and "before" faults answer without touching state, so nothing is created on a 401/429/5xx.
 */
final class FrontDoor implements HttpHandler {
    private static final Logger LOG = LoggerFactory.getLogger(FrontDoor.class);
    private final List<Route> routes;
    private final String requiredKey;
    private final PlanLimits limits;
    private final Faults faults;
    private final Stats stats;
    private final IdempotencyStore idempotency;
    private final SimClock clock;
    private final SchemaGate schema;

    FrontDoor(
            List<Route> routes,
            String requiredKey,
            PlanLimits limits,
            Faults faults,
            Stats stats,
            IdempotencyStore idempotency,
            SimClock clock,
            SchemaGate schema) {
        this.schema = schema;
        this.routes = routes;
        this.requiredKey = requiredKey;
        this.limits = limits;
        this.faults = faults;
        this.stats = stats;
        this.idempotency = idempotency;
        this.clock = clock;
    }

    @Override
    public void handle(HttpExchange ex) throws IOException {
        try (ex) {
            byte[] body = ex.getRequestBody().readAllBytes();
            SimRequest req = new SimRequest(
                    ex.getRequestMethod(),
                    ex.getRequestURI().getPath(),
                    ex.getRequestURI().getRawQuery(),
                    ex.getRequestHeaders(),
                    body,
                    "req_" + WebhookHub.randomHex(10));
            SimResponse resp = dispatch(req, ex);
            if (resp != null) write(ex, req, resp);
        } catch (IOException e) {
            LOG.debug("client went away: {}", e.getMessage());
        }
    }

    /** Returns the response to write, or null if the connection was already dealt with (reset). */
    private SimResponse dispatch(SimRequest req, HttpExchange ex) throws IOException {
        for (Route r : routes) {
            Map<String, String> params = r.match(req.method, req.path);
            if (params != null) {
                req.route = r;
                req.pathParams = params;
                break;
            }
        }
        Generation gen = req.route != null ? req.route.generation() : generationOf(req.path);
        stats.request(req.routeKey());
        if (req.route == null) {
            return "OPTIONS".equals(req.method)
                    ? SimResponse.text(200, "text/plain", "")
                    : Envelopes.error(gen, 404, "not_found", "Route not found: " + req.method + " " + req.path);
        }
        if (gen != Generation.SIM) {
            req.apiKey = apiKey(req, gen);
            if (req.apiKey == null || (requiredKey != null && !requiredKey.equals(req.apiKey)))
                return Envelopes.unauthorized(gen);
            if (!limits.allowRequest(req.apiKey)) return Envelopes.tooManyRequests(gen, 1);
        }
        req.faults = faults.evaluate(req.routeKey());
        req.faults.forEach(f -> stats.fault(f.kind()));
        for (FaultRule f : req.faults) {
            if (f.kind().phase != FaultKind.Phase.BEFORE) continue;
            switch (f.kind()) {
                case RESET -> {
                    ex.close(); // no headers were sent: the server just drops the connection
                    return null;
                }
                case HTTP_429 -> {
                    return Envelopes.error(
                                    gen == Generation.SIM ? Generation.V3 : gen,
                                    429,
                                    "rate_limit_exceeded",
                                    "Too many requests. Retry after the duration specified in the Retry-After header.")
                            .header("Retry-After", String.valueOf(f.retryAfterSeconds()));
                }
                case HTTP_500 -> {
                    return Envelopes.error(gen, 500, "internal_error", msg(f, "Internal server error."));
                }
                case HTTP_502, HTTP_503 -> {
                    return gatewayError(f.kind() == FaultKind.HTTP_502 ? 502 : 503);
                }
                case OK_WITH_ERROR -> {
                    SimResponse e = Envelopes.error(
                            gen, 200, "internal_error", msg(f, "Something went wrong, please try again."));
                    return gen == Generation.V1
                            ? Envelopes.v1Error(200, 400599, msg(f, "Something went wrong, please try again."))
                            : e;
                }
                case EXPIRED_URL -> {
                    return FileRoutes.denied(UrlSigner.Check.EXPIRED);
                }
                default -> {}
            }
        }
        // like HeyGen: auth and rate limits first, then the request's shape, before anything is created or keyed
        List<Violation> violations = schema.check(req, gen);
        SimResponse rejected = schema.reject(violations, gen);
        SimResponse resp = rejected != null ? rejected : handleWithIdempotency(req, gen);
        schema.record(req, gen, violations, resp);
        return resp;
    }

    private SimResponse handleWithIdempotency(SimRequest req, Generation gen) {
        String key = req.header("Idempotency-Key");
        if (!req.route.idempotent() || key == null) return afterFaults(req, run(req, gen));
        if (!IdempotencyStore.SYNTAX.matcher(key).matches()) {
            return Envelopes.v3Error(
                    400,
                    "invalid_parameter",
                    "Idempotency-Key must be 1-255 characters from [A-Za-z0-9_:.-].",
                    "Idempotency-Key");
        }
        String scope = req.apiKey + " " + req.method + " " + req.path + " " + key;
        IdempotencyStore.Outcome o = idempotency.begin(scope, clock.now());
        if (o.kind() == IdempotencyStore.Kind.IN_FLIGHT) {
            return Envelopes.v3Error(
                    409,
                    "request_in_progress",
                    "A request with this Idempotency-Key is still being processed. Retry later with the same key.",
                    null);
        }
        if (o.kind() == IdempotencyStore.Kind.REPLAY) {
            stats.replay();
            SimResponse copy =
                    SimResponse.bytes(o.replay().status, o.replay().headers.get("Content-Type"), o.replay().bytes);
            return copy;
        }
        SimResponse original = null;
        try {
            original = run(req, gen);
            // the key stays in flight through a slow response, like HeyGen's; a replay returns the original answer,
            // not the fault injected on its way out (a cut-off body is the transport's doing, not the server's)
            return afterFaults(req, original);
        } finally {
            idempotency.complete(scope, original);
        }
    }

    private SimResponse run(SimRequest req, Generation gen) {
        try {
            return req.route.handler().handle(req);
        } catch (Exception e) {
            LOG.warn("handler {} failed", req.routeKey(), e);
            return Envelopes.error(gen, 500, "internal_error", "Internal server error.");
        }
    }

    private SimResponse afterFaults(SimRequest req, SimResponse resp) {
        FaultRule slow = req.fault(FaultKind.SLOW);
        if (slow != null) {
            try {
                Thread.sleep(slow.delayMs());
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
            }
        }
        if (req.hasFault(FaultKind.HTTP_502_AFTER)) return gatewayError(502);
        if (req.hasFault(FaultKind.MALFORMED_JSON) && resp.bytes != null) {
            byte[] cut = Arrays.copyOf(resp.bytes, Math.max(1, resp.bytes.length / 2));
            SimResponse bad = SimResponse.bytes(resp.status, "application/json", cut);
            bad.headers.putAll(resp.headers);
            return bad;
        }
        return resp;
    }

    private static SimResponse gatewayError(int status) {
        return SimResponse.text(
                status,
                "text/html",
                "<html><head><title>" + status + "</title></head><body><h1>"
                        + (status == 502 ? "502 Bad Gateway" : "503 Service Temporarily Unavailable")
                        + "</h1></body></html>");
    }

    private void write(HttpExchange ex, SimRequest req, SimResponse resp) throws IOException {
        resp.headers.forEach((k, v) -> ex.getResponseHeaders().set(k, v));
        ex.getResponseHeaders().set("X-Request-Id", req.requestId);
        if (resp.status == 429) stats.tooManyRequests();
        FaultRule truncate = req.fault(FaultKind.TRUNCATE);
        long limit = truncate == null
                ? Long.MAX_VALUE
                : truncate.bytes() != null ? Math.min(truncate.bytes(), Math.max(0, resp.length - 1)) : resp.length / 2;
        ex.sendResponseHeaders(resp.status, resp.length == 0 ? -1 : resp.length);
        if (resp.length == 0) return;
        CountingOutputStream out = new CountingOutputStream(ex.getResponseBody(), limit);
        try {
            if (resp.bytes != null) out.write(resp.bytes);
            else resp.stream.writeTo(out);
            out.flush();
        } catch (CountingOutputStream.LimitReached e) {
            out.flush();
            LOG.debug("truncated {} after {} bytes", req.routeKey(), out.count);
        } finally {
            stats.bytes(out.count);
        }
    }

    private static String msg(FaultRule f, String fallback) {
        return f.message() != null ? f.message() : fallback;
    }

    private static String apiKey(SimRequest req, Generation gen) {
        String key = req.header("X-Api-Key"); // com.sun Headers are case-insensitive
        if (key == null && gen == Generation.V3) {
            String auth = req.header("Authorization");
            if (auth != null && auth.regionMatches(true, 0, "Bearer ", 0, 7)) key = auth.substring(7);
        }
        return key == null || key.isBlank() ? null : key.trim();
    }

    static Generation generationOf(String path) {
        if (path.startsWith("/v3/")) return Generation.V3;
        if (path.startsWith("/v2/")) return Generation.V2;
        if (path.startsWith("/v1/")) return Generation.V1;
        return Generation.SIM;
    }

    /** Counts bytes and stops (by exception) at a limit, which is how truncated downloads are produced. */
    static final class CountingOutputStream extends OutputStream {
        static final class LimitReached extends IOException {
            LimitReached() {
                super("truncation limit reached");
            }
        }

        private final OutputStream out;
        private final long limit;
        long count;

        CountingOutputStream(OutputStream out, long limit) {
            this.out = out;
            this.limit = limit;
        }

        @Override
        public void write(int b) throws IOException {
            write(new byte[] {(byte) b}, 0, 1);
        }

        @Override
        public void write(byte[] b, int off, int len) throws IOException {
            long room = limit - count;
            int n = (int) Math.min(len, room);
            if (n > 0) {
                out.write(b, off, n);
                count += n;
            }
            if (n < len) throw new LimitReached();
        }

        @Override
        public void flush() throws IOException {
            out.flush();
        }
    }
}
