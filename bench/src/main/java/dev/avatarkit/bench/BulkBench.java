package dev.avatarkit.bench;

import dev.avatarkit.core.domain.BatchId;
import dev.avatarkit.core.domain.JobState;
import dev.avatarkit.core.engine.EnginePolicy;
import dev.avatarkit.core.usecase.TemplateBatch;
import dev.avatarkit.runtime.AvatarkitConfig;
import dev.avatarkit.runtime.ConfigLoader;
import dev.avatarkit.runtime.Platform;
import dev.avatarkit.runtime.PlatformOptions;
import dev.avatarkit.sim.HeyGenSimulator;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.HashMap;
import java.util.Map;
import java.util.TreeMap;

/**
 * {@code BulkBench [--jobs 1000] [--concurrency 10] [--render-seconds 2] [--poll-initial-ms N] [--poll-max-ms M] [--gate-recheck-ms G]}:
 * a template batch (tpl_welcome_name, one {@code name} per CSV row) through the real {@link Platform} in this JVM
 * (SQLite, local disk, db-scheduler, HeyGen v3 adapter) against an in-process simulator with the same concurrency
 * limit and a fixed render time. Without the poll flags the engine's defaults (2 s growing to 30 s) apply.
 * Reports wall time from the first submit to the last job terminal, the ideal
 * (ceil(jobs / concurrency) × render time) and their ratio, duplicate creates and status requests per job.
 */
public final class BulkBench {
    static final String TEMPLATE = "tpl_welcome_name";

    private BulkBench() {}

    public static void main(String[] argv) throws Exception {
        Map<String, String> args = Measure.args(argv);
        int jobs = Integer.parseInt(args.getOrDefault("jobs", "1000"));
        int concurrency = Integer.parseInt(args.getOrDefault("concurrency", "10"));
        double renderSeconds = Double.parseDouble(args.getOrDefault("render-seconds", "2"));
        Duration render = Duration.ofMillis(Math.round(renderSeconds * 1000));
        Path dir = Files.createTempDirectory("bench-bulk");

        try (HeyGenSimulator sim = HeyGenSimulator.builder()
                .port(0)
                .concurrency(concurrency)
                .renderTime(render)
                .apiKey(null)
                .build()
                .start()) {
            Map<String, String> env = new HashMap<>();
            env.put("AVATARKIT_HOME", dir.resolve("home").toString());
            env.put("AVATARKIT_STORAGE_DIR", dir.resolve("assets").toString());
            env.put("HEYGEN_API_KEY", "bench-key");
            env.put("HEYGEN_BASE_URL", sim.baseUrl());
            env.put("HEYGEN_UPLOAD_URL", sim.baseUrl());
            env.put("HEYGEN_API_VERSION", "v3");
            env.put("HEYGEN_MAX_CONCURRENCY", String.valueOf(concurrency));
            AvatarkitConfig config = ConfigLoader.load(Map.of(), env, null);
            PlatformOptions options = PlatformOptions.defaults();
            String policyNote = "engine defaults (poll 2 s -> 30 s, x1.5, ±20 % jitter; gateRecheck 15 s)";
            if (args.containsKey("poll-initial-ms") || args.containsKey("gate-recheck-ms")) {
                EnginePolicy d = EnginePolicy.defaults(concurrency);
                Duration initial = args.containsKey("poll-initial-ms")
                        ? Duration.ofMillis(Long.parseLong(args.get("poll-initial-ms")))
                        : d.pollInitial();
                Duration max = args.containsKey("poll-max-ms")
                        ? Duration.ofMillis(Long.parseLong(args.get("poll-max-ms")))
                        : d.pollMax();
                Duration gate = args.containsKey("gate-recheck-ms")
                        ? Duration.ofMillis(Long.parseLong(args.get("gate-recheck-ms")))
                        : d.gateRecheck();
                options = options.withPolicy(new EnginePolicy(
                        initial,
                        max,
                        d.pollMultiplier(),
                        d.renderTimeout(),
                        d.submitRetryDelay(),
                        gate,
                        d.downloadAttempts(),
                        d.creditBreakerOpenFor(),
                        concurrency));
                policyNote = "override: poll " + initial.toMillis() + " ms -> " + max.toMillis() + " ms, gateRecheck "
                        + gate.toMillis() + " ms";
            }
            StringBuilder csv = new StringBuilder("name\n");
            for (int i = 1; i <= jobs; i++) csv.append("Person ").append(i).append('\n');

            try (Platform platform = new Platform(config, options)) {
                platform.startWorkers();
                TemplateBatch batch = platform.templateBatch();
                TemplateBatch.BatchPlan plan = batch.plan(TEMPLATE, csv.toString());
                if (!plan.errors().isEmpty()) throw new IllegalStateException("plan errors: " + plan.errors());
                long start = System.nanoTime();
                TemplateBatch.BatchResult result = batch.submit(plan, false);
                double submitSeconds = (System.nanoTime() - start) / 1e9;
                Map<JobState, Integer> counts = waitAllTerminal(platform, result.batchId(), jobs, start);
                double wall = (System.nanoTime() - start) / 1e9;

                double ideal = Math.ceil(jobs / (double) concurrency) * renderSeconds;
                Map<String, Long> routes = new TreeMap<>(sim.stats().requestsPerRoute());
                long statusRequests = routes.entrySet().stream()
                        .filter(e -> e.getKey().startsWith("GET /v3/videos")) // statuses, one video, listings
                        .mapToLong(Map.Entry::getValue)
                        .sum();
                System.out.printf(
                        "policy: %s; sim concurrency %d, render %.1f s%n", policyNote, concurrency, renderSeconds);
                System.out.printf(
                        "submit of %d jobs took %.1f s (created %d)%n", jobs, submitSeconds, result.created());
                System.out.println("final states: " + counts);
                System.out.println("sim requests per route: " + routes);
                System.out.println("sim 429s served: " + sim.stats().tooManyRequestsServed() + ", jobs created at sim: "
                        + sim.stats().jobsCreated());
                System.out.printf(
                        "RESULT jobs=%d concurrency=%d render_s=%.1f wall_s=%.1f ideal_s=%.1f ratio=%.3f"
                                + " duplicates=%d status_requests=%d status_per_job=%.2f succeeded=%d%n",
                        jobs,
                        concurrency,
                        renderSeconds,
                        wall,
                        ideal,
                        wall / ideal,
                        sim.stats().duplicateCreates(),
                        statusRequests,
                        statusRequests / (double) jobs,
                        counts.getOrDefault(JobState.SUCCEEDED, 0));
            }
        }
    }

    private static Map<JobState, Integer> waitAllTerminal(Platform platform, BatchId batch, int jobs, long start)
            throws InterruptedException {
        long lastPrint = 0;
        while (true) {
            Map<JobState, Integer> counts = platform.jobs().countByState(batch);
            int terminal = counts.entrySet().stream()
                    .filter(e -> e.getKey().isTerminal())
                    .mapToInt(Map.Entry::getValue)
                    .sum();
            if (terminal >= jobs) return counts;
            long now = System.nanoTime();
            if (now - lastPrint > 10_000_000_000L) {
                System.err.printf("  %.0f s: %s%n", (now - start) / 1e9, counts);
                lastPrint = now;
            }
            Thread.sleep(100);
        }
    }
}
