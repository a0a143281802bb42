package dev.avatarkit.bench;

import dev.avatarkit.runtime.json.Json;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;

/**
 * Issue 17: how fast a sandbox server ({@code bench/drain.sh} starts it) drains a queue. Posts {@code --jobs} plain
 * videos as {@code POST /v1/batches?kind=video} CSV batches as fast as admission allows (a 429 waits its
 * {@code Retry-After}), follows {@code GET /v1/batches/{id}} until every job is terminal, then reads every job's
 * {@code createdAt}/{@code updatedAt} and reports the drain rate against the plan-concurrency ideal
 * ({@code --concurrency} ÷ {@code --render-seconds} jobs a second), with the load average sampled during the run.
 */
public final class DrainBench {
    private static final List<String> TERMINAL =
            List.of("SUCCEEDED", "FAILED", "REJECTED", "CANCELED", "NEEDS_ATTENTION");

    /** One job as the server reports it at the end. */
    private record Finished(String state, Instant created, Instant updated) {}

    private DrainBench() {}

    public static void main(String[] argv) throws Exception {
        Map<String, String> args = Measure.args(argv);
        String base = "http://127.0.0.1:" + args.get("port");
        String token = args.get("token");
        int jobs = Integer.parseInt(args.getOrDefault("jobs", "2000"));
        int batchSize = Integer.parseInt(args.getOrDefault("batch-size", "100"));
        int concurrency = Integer.parseInt(args.getOrDefault("concurrency", "10"));
        double renderSeconds = Double.parseDouble(args.getOrDefault("render-seconds", "3"));
        Duration finish = Duration.ofSeconds(Long.parseLong(args.getOrDefault("finish-seconds", "840")));
        HttpClient http = HttpClient.newBuilder()
                .version(HttpClient.Version.HTTP_1_1)
                .connectTimeout(Duration.ofSeconds(5))
                .build();
        Client client = new Client(http, base, token);
        LoadSampler load = new LoadSampler();
        load.start();

        long start = System.nanoTime();
        List<String> batches = new ArrayList<>();
        int throttled = 0;
        for (int first = 0; first < jobs; first += batchSize) {
            String csv = csv(first, Math.min(jobs, first + batchSize));
            while (true) {
                HttpResponse<String> r = client.send("POST", "/v1/batches?kind=video", "text/csv", csv);
                if (r.statusCode() == 202 || r.statusCode() == 200) {
                    batches.add((String) client.json(r).get("id"));
                    break;
                }
                if (r.statusCode() != 429)
                    throw new IllegalStateException("batch refused: " + r.statusCode() + " " + r.body());
                throttled++;
                Thread.sleep(1000L
                        * Long.parseLong(r.headers().firstValue("Retry-After").orElse("1")));
            }
        }
        double submitSeconds = (System.nanoTime() - start) / 1e9;
        System.out.printf(
                "submitted %d jobs in %d batches in %.1f s (%d answers 429)%n",
                jobs, batches.size(), submitSeconds, throttled);

        long deadline = start + finish.toNanos();
        while (true) {
            int done = 0;
            for (String batch : batches)
                done += terminal(client.json(client.send("GET", "/v1/batches/" + batch, null, null)));
            System.out.printf(
                    "t=%4.0f s  terminal %d / %d  load %s%n",
                    (System.nanoTime() - start) / 1e9, done, jobs, LoadSampler.now());
            if (done >= jobs || System.nanoTime() > deadline) break;
            Thread.sleep(5000);
        }
        load.stop();

        List<Finished> all = new ArrayList<>();
        for (String batch : batches) all.addAll(client.jobs(batch));
        report(all, jobs, concurrency, renderSeconds, submitSeconds, load);
        System.exit(0);
    }

    private static void report(
            List<Finished> all,
            int jobs,
            int concurrency,
            double renderSeconds,
            double submitSeconds,
            LoadSampler load) {
        Map<String, Integer> states = new TreeMap<>();
        all.forEach(f -> states.merge(f.state(), 1, Integer::sum));
        List<Finished> done =
                all.stream().filter(f -> TERMINAL.contains(f.state())).toList();
        Instant first =
                all.stream().map(Finished::created).min(Instant::compareTo).orElseThrow();
        List<Instant> ends = done.stream().map(Finished::updated).sorted().toList();
        double ideal = concurrency / renderSeconds;
        double wall = Duration.between(first, ends.get(ends.size() - 1)).toMillis() / 1000.0;
        double rate = ends.size() / wall;
        // the middle 80 % of completions: the steady state, without the first wave's ramp and the last wave's tail
        int lo = ends.size() / 10;
        int hi = ends.size() * 9 / 10;
        double steady =
                (hi - lo) / (Duration.between(ends.get(lo), ends.get(hi)).toMillis() / 1000.0);
        System.out.println("job states at the end: " + states);
        System.out.printf(
                "first created -> last terminal: %.1f s for %d jobs; ideal %.1f s (%d slots / %.1f s renders = %.3f jobs/s)%n",
                wall, ends.size(), jobs / ideal, concurrency, renderSeconds, ideal);
        System.out.printf(
                "load average during the run: mean %.2f, max %.2f (%d samples)%n",
                load.mean(), load.max(), load.samples());
        System.out.printf(
                "SUMMARY drain jobs=%d terminal=%d submit_s=%.1f wall_s=%.1f rate=%.3f steady_rate=%.3f ideal=%.3f"
                        + " ratio=%.3f steady_ratio=%.3f load_mean=%.2f load_max=%.2f (target ratio >= 0.9)%n",
                jobs,
                ends.size(),
                submitSeconds,
                wall,
                rate,
                steady,
                ideal,
                rate / ideal,
                steady / ideal,
                load.mean(),
                load.max());
    }

    /** Rows {@code [from, to)}: distinct ids and scripts, the columns bulk users keep. */
    private static String csv(int from, int to) {
        String nonce = Long.toString(System.currentTimeMillis(), 36);
        StringBuilder csv = new StringBuilder("id,avatar_id,voice_id,script,title\n");
        for (int i = from; i < to; i++) {
            csv.append("drain-")
                    .append(nonce)
                    .append('-')
                    .append(i)
                    .append(",Daisy-inskirt-20220818,2d5b0e6cf36f460aa7fc47e3eee4ba54,")
                    .append("Drain bench video ")
                    .append(i)
                    .append(",drain-")
                    .append(i)
                    .append('\n');
        }
        return csv.toString();
    }

    private static int terminal(Map<String, Object> status) {
        @SuppressWarnings("unchecked")
        Map<String, Object> states = (Map<String, Object>) status.get("states");
        return states.entrySet().stream()
                .filter(e -> TERMINAL.contains(e.getKey()))
                .mapToInt(e -> ((Number) e.getValue()).intValue())
                .sum();
    }

    /** Bearer-authenticated calls to the server, parsed with the project's own JSON. */
    private record Client(HttpClient http, String base, String token) {
        HttpResponse<String> send(String method, String path, String contentType, String body) throws Exception {
            HttpRequest.Builder b = HttpRequest.newBuilder(URI.create(base + path))
                    .header("Authorization", "Bearer " + token)
                    .timeout(Duration.ofSeconds(60));
            if (body == null) b.method(method, HttpRequest.BodyPublishers.noBody());
            else b.header("Content-Type", contentType).method(method, HttpRequest.BodyPublishers.ofString(body));
            return http.send(b.build(), HttpResponse.BodyHandlers.ofString());
        }

        /** A read retried after a timeout (one listing once took over 60 s right after the drain), saying so. */
        HttpResponse<String> patiently(String path) throws Exception {
            for (int attempt = 1; ; attempt++) {
                long t0 = System.nanoTime();
                try {
                    return send("GET", path, null, null);
                } catch (java.net.http.HttpTimeoutException e) {
                    System.out.printf(
                            "GET %s timed out after %.0f s (attempt %d)%n",
                            path, (System.nanoTime() - t0) / 1e9, attempt);
                    if (attempt == 3) throw e;
                }
            }
        }

        @SuppressWarnings("unchecked")
        Map<String, Object> json(HttpResponse<String> r) throws Exception {
            if (r.statusCode() >= 300) throw new IllegalStateException(r.statusCode() + " " + r.body());
            return (Map<String, Object>) Json.moshi().adapter(Object.class).fromJson(r.body());
        }

        @SuppressWarnings("unchecked")
        List<Finished> jobs(String batch) throws Exception {
            List<Finished> out = new ArrayList<>();
            String cursor = null;
            do {
                Map<String, Object> page = json(
                        patiently("/v1/jobs?limit=1000&batch=" + batch + (cursor == null ? "" : "&cursor=" + cursor)));
                for (Object o : (List<Object>) page.get("jobs")) {
                    Map<String, Object> job = (Map<String, Object>) o;
                    out.add(new Finished(
                            (String) job.get("state"),
                            Instant.parse((String) job.get("createdAt")),
                            Instant.parse((String) job.get("updatedAt"))));
                }
                cursor = (String) page.get("next");
            } while (cursor != null);
            return out;
        }
    }

    /** The 1-minute load average every 5 s while the jobs drain. */
    private static final class LoadSampler {
        private final List<Double> values = new ArrayList<>();
        private volatile boolean running = true;
        private Thread thread;

        static String now() {
            try {
                String[] f = Files.readString(Path.of("/proc/loadavg")).split(" ");
                return f[0] + " " + f[1] + " " + f[2];
            } catch (Exception e) {
                return "?";
            }
        }

        void start() {
            thread = new Thread(
                    () -> {
                        while (running) {
                            try {
                                double one = Double.parseDouble(Files.readString(Path.of("/proc/loadavg"))
                                        .split(" ")[0]);
                                synchronized (values) {
                                    values.add(one);
                                }
                                Thread.sleep(5000);
                            } catch (InterruptedException e) {
                                return;
                            } catch (Exception e) {
                                return; // no /proc: no load figures
                            }
                        }
                    },
                    "drain-load");
            thread.setDaemon(true);
            thread.start();
        }

        void stop() {
            running = false;
            thread.interrupt();
        }

        double mean() {
            synchronized (values) {
                return values.stream()
                        .mapToDouble(Double::doubleValue)
                        .average()
                        .orElse(Double.NaN);
            }
        }

        double max() {
            synchronized (values) {
                return values.stream().mapToDouble(Double::doubleValue).max().orElse(Double.NaN);
            }
        }

        int samples() {
            synchronized (values) {
                return values.size();
            }
        }
    }
}
