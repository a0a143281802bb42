package dev.avatarkit.bench;

import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Collections;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicLong;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Issue 16's soak: against a running sandbox server ({@code bench/soak.sh} starts it), at once — slow webhook
 * uploads, an SSE flood, one captured webhook replayed with fresh event ids, and {@code --jobs} video jobs (every
 * tenth re-posted under its Idempotency-Key) — while {@code /healthz} is sampled every 100 ms. Then it waits for
 * every accepted job to reach a terminal state. Reports health p50/p99/max during the attack, 5xx seen by any
 * client, jobs accepted vs finished, and duplicates (a re-post that got a different job, a replay accepted).
 */
public final class SoakBench {
    private static final Pattern ID = Pattern.compile("\"id\":\"([0-9A-Z]{26})\"");
    private static final Pattern STATE = Pattern.compile("\"state\":\"([A-Z_]+)\"");
    private static final Pattern OUTCOME = Pattern.compile("\"outcome\":\"([a-z_]+)\"");
    private static final List<String> TERMINAL =
            List.of("SUCCEEDED", "FAILED", "REJECTED", "CANCELED", "NEEDS_ATTENTION");

    private SoakBench() {}

    public static void main(String[] argv) throws Exception {
        Map<String, String> args = Measure.args(argv);
        int port = Integer.parseInt(args.get("port"));
        int capturePort = Integer.parseInt(args.get("capture-port"));
        List<String> tokens = Arrays.asList(args.get("tokens").split(","));
        int jobs = Integer.parseInt(args.getOrDefault("jobs", "2000"));
        int slow = Integer.parseInt(args.getOrDefault("slow", "300"));
        int streams = Integer.parseInt(args.getOrDefault("streams", "300"));
        int replays = Integer.parseInt(args.getOrDefault("replays", "200"));
        Duration attack = Duration.ofSeconds(Long.parseLong(args.getOrDefault("attack-seconds", "90")));
        Duration finish = Duration.ofSeconds(Long.parseLong(args.getOrDefault("finish-seconds", "1500")));
        String base = "http://127.0.0.1:" + port;
        HttpClient http = HttpClient.newBuilder()
                .version(HttpClient.Version.HTTP_1_1)
                .connectTimeout(Duration.ofSeconds(5))
                .executor(Executors.newFixedThreadPool(16))
                .build();
        HttpClient sse =
                HttpClient.newBuilder().version(HttpClient.Version.HTTP_1_1).build();
        SoakAttacks attacks = new SoakAttacks("127.0.0.1", port);

        try (CaptureProxy proxy = new CaptureProxy(capturePort, URI.create(base + "/webhooks/heygen"), http)) {
            for (int i = 0; i < 100; i++) { // a fresh JVM: let /healthz be compiled before it is timed
                http.send(
                        HttpRequest.newBuilder(URI.create(base + "/healthz")).build(),
                        HttpResponse.BodyHandlers.discarding());
            }
            long start = System.nanoTime();
            List<Long> health = Collections.synchronizedList(new ArrayList<>());
            AtomicLong healthFailures = new AtomicLong();
            Thread sampler = new Thread(
                    () -> {
                        while (System.nanoTime() - start < attack.toNanos()) {
                            long t0 = System.nanoTime();
                            try {
                                HttpResponse<Void> r = http.send(
                                        HttpRequest.newBuilder(URI.create(base + "/healthz"))
                                                .timeout(Duration.ofSeconds(5))
                                                .build(),
                                        HttpResponse.BodyHandlers.discarding());
                                attacks.count(r.statusCode());
                                if (r.statusCode() != 200) healthFailures.incrementAndGet();
                            } catch (Exception e) {
                                healthFailures.incrementAndGet();
                            }
                            health.add((System.nanoTime() - t0) / 1000);
                            SoakAttacks.sleep(100);
                        }
                    },
                    "soak-health");
            sampler.start();
            Thread slowBodies = attacks.slowBodies(slow);
            attacks.sseFlood(sse, tokens, streams);

            Map<String, String> accepted = new ConcurrentHashMap<>();
            Map<Integer, AtomicLong> jobStatuses = new ConcurrentHashMap<>();
            AtomicLong duplicates = new AtomicLong();
            ExecutorService posters = Executors.newFixedThreadPool(8);
            for (int i = 0; i < jobs; i++) {
                int n = i;
                posters.execute(() -> {
                    String key = "soak-" + n;
                    String id = post(http, base, tokens.get(0), key, n, jobStatuses, attacks);
                    if (id != null) accepted.put(key, id);
                    if (id != null && n % 10 == 0) {
                        String again = post(http, base, tokens.get(0), key, n, jobStatuses, attacks);
                        if (again != null && !again.equals(id)) duplicates.incrementAndGet();
                    }
                });
            }
            posters.shutdown();

            Map<String, AtomicLong> replayOutcomes = new TreeMap<>();
            long deadline = System.nanoTime() + Duration.ofSeconds(120).toNanos();
            while (proxy.first.get() == null && System.nanoTime() < deadline) SoakAttacks.sleep(200);
            CaptureProxy.Delivery captured = proxy.first.get();
            if (captured != null) {
                for (int i = 0; i < replays; i++) {
                    HttpResponse<byte[]> r = proxy.send(captured, "soak-replay-" + i, "POST");
                    attacks.count(r.statusCode());
                    Matcher m = OUTCOME.matcher(new String(r.body()));
                    String outcome = r.statusCode() + (m.find() ? " " + m.group(1) : "");
                    replayOutcomes
                            .computeIfAbsent(outcome, k -> new AtomicLong())
                            .incrementAndGet();
                    if (outcome.endsWith("accepted")) duplicates.incrementAndGet();
                }
            }
            posters.awaitTermination(30, TimeUnit.MINUTES);
            long submitSeconds = (System.nanoTime() - start) / 1_000_000_000;
            while (System.nanoTime() - start < attack.toNanos()) SoakAttacks.sleep(500);
            long streamsAtEnd = attacks.streamsOpen.get();
            attacks.stop();
            sampler.join();
            slowBodies.join();

            Map<String, Integer> states = awaitTerminal(http, base, tokens.get(0), accepted, finish);
            long finished = states.entrySet().stream()
                    .filter(e -> TERMINAL.contains(e.getKey()))
                    .mapToLong(Map.Entry::getValue)
                    .sum();
            List<Long> sorted = new ArrayList<>(health);
            Collections.sort(sorted);
            System.out.printf(
                    "health: %d samples during %d s of attack, p50 %.1f ms, p99 %.1f ms, max %.1f ms, failures %d%n",
                    sorted.size(),
                    attack.toSeconds(),
                    pct(sorted, 50),
                    pct(sorted, 99),
                    pct(sorted, 100),
                    healthFailures.get());
            System.out.println("statuses seen by the attackers and clients: " + new TreeMap<>(attacks.statuses));
            System.out.println("slow uploads: " + slow + " held, " + attacks.slowReconnects.get()
                    + " cut off by the server and reopened");
            System.out.println(
                    "event streams open at the end of the attack: " + streamsAtEnd + " of " + streams + " tried");
            System.out.println(
                    "job posts: " + new TreeMap<>(jobStatuses) + " (submitting took " + submitSeconds + " s)");
            System.out.println("genuine webhook deliveries forwarded: " + new TreeMap<>(proxy.forwarded));
            System.out.println("replayed delivery x" + replays + ": " + replayOutcomes
                    + (captured == null ? " (nothing captured!)" : ""));
            System.out.println("job states at the end: " + new TreeMap<>(states));
            System.out.printf(
                    "SUMMARY soak health_p50_ms=%.1f health_p99_ms=%.1f health_max_ms=%.1f health_failures=%d 5xx=%d"
                            + " jobs_accepted=%d jobs_terminal=%d jobs_succeeded=%d duplicates=%d (targets: 5xx 0, p99 < 200, all terminal, 0 duplicates)%n",
                    pct(sorted, 50),
                    pct(sorted, 99),
                    pct(sorted, 100),
                    healthFailures.get(),
                    attacks.fiveHundreds(),
                    accepted.size(),
                    finished,
                    states.getOrDefault("SUCCEEDED", 0),
                    duplicates.get());
        }
        System.exit(0);
    }

    private static String post(
            HttpClient http,
            String base,
            String token,
            String key,
            int n,
            Map<Integer, AtomicLong> statuses,
            SoakAttacks attacks) {
        String body =
                "{\"avatar\":\"Daisy-inskirt-20220818\",\"voice\":\"2d5b0e6cf36f460aa7fc47e3eee4ba54\",\"text\":\"soak "
                        + n + "\",\"title\":\"soak-" + n + "\"}";
        try {
            HttpResponse<String> r = http.send(
                    HttpRequest.newBuilder(URI.create(base + "/v1/videos"))
                            .header("Authorization", "Bearer " + token)
                            .header("Content-Type", "application/json")
                            .header("Idempotency-Key", key)
                            .timeout(Duration.ofSeconds(30))
                            .POST(HttpRequest.BodyPublishers.ofString(body))
                            .build(),
                    HttpResponse.BodyHandlers.ofString());
            statuses.computeIfAbsent(r.statusCode(), s -> new AtomicLong()).incrementAndGet();
            attacks.count(r.statusCode());
            Matcher m = ID.matcher(r.body());
            return (r.statusCode() == 202 || r.statusCode() == 200) && m.find() ? m.group(1) : null;
        } catch (Exception e) {
            statuses.computeIfAbsent(-1, s -> new AtomicLong()).incrementAndGet();
            return null;
        }
    }

    /** Polls the accepted jobs until every one is terminal or {@code timeout} passes; returns the count per state. */
    private static Map<String, Integer> awaitTerminal(
            HttpClient http, String base, String token, Map<String, String> accepted, Duration timeout)
            throws Exception {
        long deadline = System.nanoTime() + timeout.toNanos();
        Map<String, String> states = new ConcurrentHashMap<>();
        while (true) {
            for (String id : accepted.values()) {
                if (isTerminal(states.get(id))) continue;
                HttpResponse<String> r = http.send(
                        HttpRequest.newBuilder(URI.create(base + "/v1/jobs/" + id))
                                .header("Authorization", "Bearer " + token)
                                .build(),
                        HttpResponse.BodyHandlers.ofString());
                Matcher m = STATE.matcher(r.body());
                if (m.find()) states.put(id, m.group(1));
            }
            long open = accepted.values().stream()
                    .filter(id -> !isTerminal(states.get(id)))
                    .count();
            System.out.println("waiting: " + open + " of " + accepted.size() + " accepted jobs not terminal yet");
            if (open == 0 || System.nanoTime() > deadline) break;
            SoakAttacks.sleep(10_000);
        }
        Map<String, Integer> counts = new TreeMap<>();
        states.values().forEach(s -> counts.merge(s, 1, Integer::sum));
        return counts;
    }

    private static boolean isTerminal(String state) {
        return state != null && TERMINAL.contains(state);
    }

    private static double pct(List<Long> sortedMicros, int p) {
        if (sortedMicros.isEmpty()) return Double.NaN;
        int i = (int) Math.ceil(p / 100.0 * sortedMicros.size()) - 1;
        return sortedMicros.get(Math.max(0, Math.min(i, sortedMicros.size() - 1))) / 1000.0;
    }
}
