package dev.avatarkit.bench;

import dev.avatarkit.core.domain.AssetKind;
import dev.avatarkit.core.domain.BatchId;
import dev.avatarkit.core.domain.IdempotencyKey;
import dev.avatarkit.core.domain.JobState;
import dev.avatarkit.core.domain.ProviderRef;
import dev.avatarkit.core.port.ProviderException;
import dev.avatarkit.core.port.RenderPhase;
import dev.avatarkit.core.port.RenderStatus;
import dev.avatarkit.core.port.ResultFile;
import dev.avatarkit.core.port.Sleeper;
import dev.avatarkit.core.port.SubmitRequest;
import dev.avatarkit.core.port.VideoProvider;
import dev.avatarkit.core.usecase.TemplateBatch;
import dev.avatarkit.heygen.ApiKey;
import dev.avatarkit.heygen.ApiVersion;
import dev.avatarkit.heygen.HeyGen;
import dev.avatarkit.heygen.HeyGenConfig;
import dev.avatarkit.runtime.ConfigLoader;
import dev.avatarkit.runtime.Platform;
import dev.avatarkit.runtime.PlatformOptions;
import dev.avatarkit.sim.FaultKind;
import dev.avatarkit.sim.FaultRule;
import dev.avatarkit.sim.HeyGenSimulator;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.net.URI;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Duration;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;

/**
 * {@code StandInBench --client ours|peer [--rows 40] [--slots 5] [--render-seconds 20] [--fault none|502-after-commit|kill]
 * [--warm-home] [--trace]}:
 * issue 17's side-by-side scenario on one HeyGen stand-in (the simulator, v3, {@code slots} renders at a time, a
 * fixed render time). {@code ours} is a template batch through the real {@link Platform} (SQLite, local disk,
 * db-scheduler) at {@code HEYGEN_MAX_CONCURRENCY=slots}. {@code peer} models the closest open-source bulk tool
 * through the same HeyGen adapter: {@code slots} workers, each creates a video without an idempotency key (a
 * fresh key per attempt), reads its status at once, then after 20 s, then every 30 s, and downloads the video;
 * a failed create is retried once. {@code 502-after-commit} answers the third create with a gateway 502 after
 * the render was created. Prints wall time, the ideal (ceil(rows / slots) × render), their ratio, duplicate
 * creates and status requests per video. {@code --warm-home} (ours, no fault): one earlier batch on ours' home
 * before the clock, so its render times are recalled ({@link #earlierBatch}). {@code --trace}: each job's timeline.
 */
public final class StandInBench {
    private StandInBench() {}

    public static void main(String[] argv) throws Exception {
        Map<String, String> args = Measure.args(argv);
        String client = args.getOrDefault("client", "ours");
        int rows = Integer.parseInt(args.getOrDefault("rows", "40"));
        int slots = Integer.parseInt(args.getOrDefault("slots", "5"));
        double renderSeconds = Double.parseDouble(args.getOrDefault("render-seconds", "20"));
        String fault = args.getOrDefault("fault", "none");
        if (client.equals("ours-child")) { // one run of ours in its own JVM, for kill-and-re-run (sim elsewhere)
            String prefix = args.getOrDefault("row-prefix", "Person");
            ours(args.get("sim-url"), Path.of(args.get("dir")), slots, csv(prefix, rows), args.containsKey("trace"));
            return;
        }
        Path dir = Files.createTempDirectory("bench-standin");
        try (HeyGenSimulator sim = HeyGenSimulator.builder()
                .port(0)
                .concurrency(slots)
                .renderTime(Duration.ofMillis(Math.round(renderSeconds * 1000)))
                .apiKey(null)
                .build()
                .start()) {
            if (fault.equals("502-after-commit")) {
                sim.faults()
                        .add(FaultRule.on("POST /v3/templates/{template_id}", FaultKind.HTTP_502_AFTER)
                                .calls(3));
            }
            if (args.containsKey("warm-home")) earlierBatch(sim, dir, slots, client, fault, args);
            SimCounts before = SimCounts.of(sim);
            String csv = csv("Person", rows);
            long start = System.nanoTime();
            double restart = 0;
            if (client.equals("peer"))
                new Peer(sim, slots, dir, args.containsKey("trace")).run(plan(sim, dir, slots, csv), start);
            else if (fault.equals("kill")) restart = new KillAndRerun(sim.baseUrl(), dir, args).run(rows);
            else ours(sim.baseUrl(), dir, slots, csv, args.containsKey("trace"));
            double wall = (System.nanoTime() - start) / 1e9;
            double ideal = Math.ceil(rows / (double) slots) * renderSeconds;
            SimCounts after = SimCounts.of(sim);
            long statusRequests = after.statusRequests() - before.statusRequests();
            System.out.println("sim requests per route"
                    + (args.containsKey("warm-home") ? " (the earlier batch's included): " : ": ")
                    + new java.util.TreeMap<>(sim.stats().requestsPerRoute()));
            System.out.printf(
                    "RESULT client=%s fault=%s rows=%d slots=%d render_s=%.0f wall_s=%.1f ideal_s=%.1f"
                            + " ratio=%.3f duplicates=%d status_per_video=%.2f created=%d restart_s=%.1f"
                            + " ratio_without_restart=%.3f%n",
                    // the peer sends no key, so the simulator cannot tell its duplicates by key: count renders beyond
                    // one per row
                    client,
                    fault,
                    rows,
                    slots,
                    renderSeconds,
                    wall,
                    ideal,
                    wall / ideal,
                    Math.max(after.duplicates() - before.duplicates(), after.created() - before.created() - rows),
                    statusRequests / (double) rows,
                    after.created() - before.created(),
                    restart,
                    (wall - restart) / ideal);
        }
    }

    private static void ours(String simUrl, Path dir, int slots, String csv, boolean trace) throws Exception {
        try (Platform platform = new Platform(
                        ConfigLoader.load(Map.of(), env(simUrl, dir, slots), null), PlatformOptions.defaults());
                JobTimeline timeline = JobTimeline.of(platform.jobEvents(), trace)) {
            long start = System.nanoTime();
            platform.startWorkers();
            System.out.printf("phase: workers started %.2f s%n", (System.nanoTime() - start) / 1e9);
            TemplateBatch batch = platform.templateBatch();
            TemplateBatch.BatchPlan plan = batch.plan(BulkBench.TEMPLATE, csv);
            System.out.printf("phase: planned %.2f s%n", (System.nanoTime() - start) / 1e9);
            BatchId id = batch.submit(plan, false).batchId();
            long submitted = System.nanoTime();
            System.out.printf("phase: open, start workers, plan and submit %.2f s%n", (submitted - start) / 1e9);
            int lastTerminal = -1;
            while (true) {
                Map<JobState, Integer> counts = platform.jobs().countByState(id);
                int terminal = counts.entrySet().stream()
                        .filter(e -> e.getKey().isTerminal())
                        .mapToInt(Map.Entry::getValue)
                        .sum();
                if (terminal != lastTerminal) System.out.println("progress terminal=" + terminal);
                lastTerminal = terminal;
                if (terminal >= plan.jobs().size()) {
                    // without the start-up (JVM warm-up, database, scheduler), which the machine's load inflates most
                    System.out.printf(
                            "phase: all terminal at %.2f s (%.2f s after the submit); final states: %s%n",
                            (System.nanoTime() - start) / 1e9, (System.nanoTime() - submitted) / 1e9, counts);
                    return;
                }
                Thread.sleep(50);
            }
        }
    }

    /** The rows as template specs (validated the way our batch does), for the peer to send itself. */
    private static List<TemplateBatch.PlannedJob> plan(HeyGenSimulator sim, Path dir, int slots, String csv) {
        try (Platform platform = new Platform(
                ConfigLoader.load(Map.of(), env(sim.baseUrl(), dir.resolve("plan"), slots), null),
                PlatformOptions.defaults())) {
            return platform.templateBatch().plan(BulkBench.TEMPLATE, csv).jobs();
        }
    }

    private static Map<String, String> env(String simUrl, Path dir, int slots) {
        Map<String, String> env = new HashMap<>();
        env.put("AVATARKIT_HOME", dir.resolve("home").toString());
        env.put("AVATARKIT_STORAGE_DIR", dir.resolve("assets").toString());
        env.put("HEYGEN_API_KEY", "bench-key");
        env.put("HEYGEN_BASE_URL", simUrl);
        env.put("HEYGEN_UPLOAD_URL", simUrl);
        env.put("HEYGEN_MAX_CONCURRENCY", String.valueOf(slots));
        return env;
    }

    private static String csv(String prefix, int rows) {
        StringBuilder csv = new StringBuilder("name\n");
        for (int i = 1; i <= rows; i++) csv.append(prefix).append(' ').append(i).append('\n');
        return csv.toString();
    }

    /** What the simulator counted so far: a warm home's earlier batch is subtracted from the measured run. */
    private record SimCounts(long statusRequests, long created, long duplicates) {
        static SimCounts of(HeyGenSimulator sim) {
            long status = sim.stats().requestsPerRoute().entrySet().stream()
                    .filter(e -> e.getKey().startsWith("GET /v3/videos")) // statuses, one video, listings
                    .mapToLong(Map.Entry::getValue)
                    .sum();
            return new SimCounts(status, sim.stats().jobsCreated(), sim.stats().duplicateCreates());
        }
    }

    /**
     * {@code --warm-home}: before the clock starts, one earlier batch of {@code slots} other rows on the same home, in
     * its own JVM, as a user's batch of yesterday: the measured run recalls its render times at start-up (the
     * engine reads the newest finished jobs' times), so its first wave is planned, not searched.
     */
    private static void earlierBatch(
            HeyGenSimulator sim, Path dir, int slots, String client, String fault, Map<String, String> args)
            throws IOException, InterruptedException {
        if (!client.equals("ours") || !fault.equals("none"))
            throw new IllegalArgumentException("--warm-home is for --client ours without --fault");
        long t = System.nanoTime();
        KillAndRerun.Child earlier = new KillAndRerun.Child(
                KillAndRerun.startChild(sim.baseUrl(), dir, String.valueOf(slots), args, "Earlier"));
        earlier.readUntil(line -> false);
        if (!earlier.process.waitFor(10, TimeUnit.MINUTES) || earlier.process.exitValue() != 0)
            throw new IllegalStateException("the earlier batch did not finish cleanly");
        System.out.printf(
                "phase: earlier batch of %d rows on this home, before the clock: %.1f s%n",
                slots, (System.nanoTime() - t) / 1e9);
    }

    /** The peer's loop, on our HeyGen adapter so both speak the same valid requests. */
    private static final class Peer {
        private final VideoProvider videos;
        private final int workers;
        private final Path downloads;
        private final AtomicInteger next = new AtomicInteger();
        /** With {@code --trace}: per row, s since the bench's clock started: create answered, found done, downloaded. */
        private final double[][] timeline;

        private long startNanos;

        Peer(HeyGenSimulator sim, int workers, Path dir, boolean trace) throws Exception {
            HeyGenConfig config = HeyGenConfig.of(new ApiKey("bench-key"))
                    .withBaseUrl(URI.create(sim.baseUrl()))
                    .withUploadUrl(URI.create(sim.baseUrl()))
                    .withApiVersion(ApiVersion.V3)
                    .withMaxConcurrency(workers);
            this.videos =
                    HeyGen.create(config, Clock.systemUTC(), Sleeper.system()).videos();
            this.workers = workers;
            this.downloads = Files.createDirectories(dir.resolve("peer-downloads"));
            this.timeline = trace ? new double[1000][] : null;
        }

        /** @param wallStart when the bench started its clock (before the peer's plan), the trace's zero */
        void run(List<TemplateBatch.PlannedJob> rows, long wallStart) throws InterruptedException {
            startNanos = wallStart;
            try {
                runAll(rows);
            } finally {
                printTimeline(rows.size());
            }
        }

        private void runAll(List<TemplateBatch.PlannedJob> rows) throws InterruptedException {
            ExecutorService pool = Executors.newFixedThreadPool(workers);
            for (int w = 0; w < workers; w++) {
                pool.submit(() -> {
                    for (int i = next.getAndIncrement(); i < rows.size(); i = next.getAndIncrement())
                        render(rows.get(i), i);
                    return null;
                });
            }
            pool.shutdown();
            if (!pool.awaitTermination(2, TimeUnit.HOURS)) throw new IllegalStateException("peer did not finish");
        }

        private void render(TemplateBatch.PlannedJob row, int index) throws Exception {
            ProviderRef ref;
            try {
                ref = create(row);
            } catch (ProviderException first) {
                ref = create(row); // what the peer does after a failed create: send it again
            }
            double created = since();
            RenderStatus status = videos.status(ref);
            long waitMillis = 20_000;
            while (status.phase() == RenderPhase.PENDING || status.phase() == RenderPhase.RUNNING) {
                Thread.sleep(waitMillis);
                waitMillis = 30_000;
                status = videos.status(ref);
            }
            double found = since();
            ResultFile video = status.result(AssetKind.VIDEO).orElseThrow();
            try (InputStream in = videos.download(ref, video);
                    OutputStream out = Files.newOutputStream(downloads.resolve(index + ".mp4"))) {
                in.transferTo(out);
            }
            if (timeline != null && index < timeline.length) timeline[index] = new double[] {created, found, since()};
        }

        private double since() {
            return (System.nanoTime() - startNanos) / 1e9;
        }

        /** The peer's side of ours' {@code JobTimeline}: where its waves spend their time. */
        private void printTimeline(int rows) {
            if (timeline == null) return;
            System.out.println("trace (s since the clock started, plan included): row created found_done downloaded");
            for (int i = 0; i < Math.min(rows, timeline.length); i++) {
                double[] t = timeline[i];
                if (t != null) System.out.printf("trace %3d %7.2f %7.2f %7.2f%n", i + 1, t[0], t[1], t[2]);
            }
        }

        private ProviderRef create(TemplateBatch.PlannedJob row) {
            IdempotencyKey fresh = new IdempotencyKey("peer-" + UUID.randomUUID());
            return videos.submit(new SubmitRequest(row.spec(), fresh, null)).ref();
        }
    }
}
