package dev.avatarkit.http;

import dev.avatarkit.core.domain.Job;
import dev.avatarkit.core.domain.JobState;
import dev.avatarkit.core.domain.StoredAsset;
import dev.avatarkit.core.port.JobStore;
import dev.avatarkit.core.port.ProviderCallListener;
import io.javalin.http.Context;
import io.micrometer.core.instrument.Counter;
import io.micrometer.core.instrument.Gauge;
import io.micrometer.core.instrument.Timer;
import io.micrometer.core.instrument.binder.jvm.JvmMemoryMetrics;
import io.micrometer.core.instrument.binder.jvm.JvmThreadMetrics;
import io.micrometer.core.instrument.binder.system.ProcessorMetrics;
import io.micrometer.core.instrument.binder.system.UptimeMetrics;
import io.micrometer.prometheusmetrics.PrometheusMeterRegistry;
import java.time.Clock;
import java.time.Duration;
import java.util.EnumMap;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.TimeUnit;
import java.util.function.Consumer;

/**
 * What {@code /metrics} shows: jobs by state (counted in the shared database, cached a few seconds, so every
 * server of a shared deployment reports the same numbers), job changes, failures and durations seen by this
 * process, bytes stored, HTTP request timers, the provider's requests (latency by route template and outcome —
 * 429s are the {@code outcome="429"} series — and retries by reason), and the JVM.
 */
final class ServerMetrics implements Consumer<Job>, ProviderCallListener {
    private static final Duration COUNT_TTL = Duration.ofSeconds(5);

    private final PrometheusMeterRegistry registry;
    private final JobStore jobs;
    private final String provider;
    private final Clock clock;
    private final Counter bytesStored;
    private final DownloadThroughput downloads;
    /** Bounded like the registry itself: route templates (or "unmatched") × methods × statuses. */
    private final Map<RequestKey, Timer> requestTimers = new ConcurrentHashMap<>();

    private Map<JobState, Integer> counts = new EnumMap<>(JobState.class);
    private long countedAt;

    private record RequestKey(String method, String route, int status) {}

    ServerMetrics(PrometheusMeterRegistry registry, JobStore jobs, String provider, Clock clock) {
        this.registry = registry;
        this.jobs = jobs;
        this.provider = provider;
        this.clock = clock;
        this.bytesStored = Counter.builder("avatarkit.assets.stored.bytes")
                .description("bytes of assets stored by this process")
                .baseUnit("bytes")
                .register(registry);
        for (JobState state : JobState.values()) {
            Gauge.builder("avatarkit.jobs", this, m -> m.count(state))
                    .description("jobs by state (whole database)")
                    .tag("state", state.name())
                    .register(registry);
        }
        // what the provider is doing for us now, from the same cached counts: renders it holds, and jobs waiting for a
        // slot
        Gauge.builder(
                        "avatarkit.provider.renders.in.flight",
                        this,
                        m -> m.count(JobState.SUBMITTING) + m.count(JobState.RENDERING))
                .description("jobs submitted to or rendering at the provider (whole database)")
                .tag("provider", provider)
                .register(registry);
        Gauge.builder("avatarkit.provider.renders.queued", this, m -> m.count(JobState.QUEUED))
                .description("jobs waiting to be submitted (whole database)")
                .tag("provider", provider)
                .register(registry);
        this.downloads = new DownloadThroughput(registry, provider);
        new JvmMemoryMetrics().bindTo(registry);
        new JvmThreadMetrics().bindTo(registry);
        new ProcessorMetrics().bindTo(registry);
        new UptimeMetrics().bindTo(registry);
    }

    private synchronized double count(JobState state) {
        long now = clock.millis();
        if (now - countedAt > COUNT_TTL.toMillis()) {
            Map<JobState, Integer> fresh = new EnumMap<>(JobState.class);
            for (JobState s : JobState.values()) fresh.put(s, jobs.count(provider, s));
            counts = fresh;
            countedAt = now;
        }
        return counts.getOrDefault(state, 0);
    }

    /** A job change: count it; at the end, record its duration, failure code and stored bytes. */
    @Override
    public void accept(Job job) {
        registry.counter(
                        "avatarkit.job.changes",
                        "state",
                        job.state().name(),
                        "kind",
                        job.kind().name())
                .increment();
        downloads.accept(job);
        if (!job.state().isTerminal()) return;
        Timer.builder("avatarkit.job.duration")
                .tag("state", job.state().name())
                .tag("kind", job.kind().name())
                .register(registry)
                .record(Duration.between(job.createdAt(), job.updatedAt()));
        if (job.error() != null)
            registry.counter("avatarkit.job.failures", "code", job.error().code())
                    .increment();
        if (job.warning() != null)
            registry.counter("avatarkit.job.warnings", "code", job.warning().code())
                    .increment();
        if (job.state() == JobState.SUCCEEDED) {
            bytesStored.increment(
                    job.assets().stream().mapToLong(StoredAsset::size).sum());
            registry.counter(
                            "avatarkit.job.provider.attempts",
                            "kind",
                            job.kind().name())
                    .increment(job.attempts());
        }
    }

    /** One request to the provider: a timer per provider, route template and outcome. */
    @Override
    public void exchanged(String provider, String route, String outcome, Duration latency) {
        Timer.builder("avatarkit.provider.requests")
                .description("requests to the provider, by route template and outcome")
                .tag("provider", provider)
                .tag("route", route)
                .tag("outcome", outcome)
                .register(registry)
                .record(latency);
    }

    /** The adapter retries a failed call itself (after a 429, a 5xx or an unclear create with a key). */
    @Override
    public void retrying(String provider, String operation, String reason) {
        registry.counter("avatarkit.provider.retries", "provider", provider, "operation", operation, "reason", reason)
                .increment();
    }

    /** Javalin's request logger: one timer per method, route template and status. */
    void request(Context ctx, Float millis) {
        String route;
        try {
            route = ctx.endpointHandlerPath();
        } catch (RuntimeException e) {
            route = "unmatched";
        }
        RequestKey key = new RequestKey(ctx.method().name(), route, ctx.statusCode());
        requestTimers
                .computeIfAbsent(key, this::requestTimer)
                .record((long) (millis * 1_000_000), TimeUnit.NANOSECONDS);
    }

    /** Registered once per key: building the id (sorted tags) and the registry lookup cost more than the record. */
    private Timer requestTimer(RequestKey key) {
        return Timer.builder("http.server.requests")
                .tag("method", key.method())
                .tag("route", key.route())
                .tag("status", Integer.toString(key.status()))
                .register(registry);
    }

    String scrape() {
        return registry.scrape();
    }
}
