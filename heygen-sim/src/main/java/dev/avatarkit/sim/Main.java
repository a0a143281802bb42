package dev.avatarkit.sim;

import java.nio.file.Path;
import java.time.Duration;

/** {@code java -jar heygen-sim.jar --port 8900 [--render-seconds N] [--faults FILE] [--api-key KEY] ...}. */
public final class Main {
    private Main() {}

    public static void main(String[] args) throws Exception {
        HeyGenSimulator.Builder b = HeyGenSimulator.builder().port(8900);
        Path faults = null;
        for (int i = 0; i < args.length; i++) {
            String a = args[i];
            String v = i + 1 < args.length ? args[i + 1] : null;
            switch (a) {
                case "--port" -> {
                    b.port(Integer.parseInt(v));
                    i++;
                }
                case "--render-seconds" -> {
                    b.renderTime(Duration.ofMillis((long) (Double.parseDouble(v) * 1000)));
                    i++;
                }
                case "--render-millis" -> {
                    b.renderTime(Duration.ofMillis(Long.parseLong(v)));
                    i++;
                }
                case "--faults" -> {
                    faults = Path.of(v);
                    i++;
                }
                case "--api-key" -> {
                    b.apiKey(v);
                    i++;
                }
                case "--concurrency" -> {
                    b.concurrency(Integer.parseInt(v));
                    i++;
                }
                case "--rps" -> {
                    b.requestsPerSecond(Integer.parseInt(v));
                    i++;
                }
                case "--credits" -> {
                    b.credits(Long.parseLong(v));
                    i++;
                }
                case "--callback-secret" -> {
                    b.callbackSecret(v);
                    i++;
                }
                case "--seed" -> {
                    b.seed(Long.parseLong(v));
                    i++;
                }
                case "--lenient" -> b.lenient(true);
                case "--help", "-h" -> {
                    usage();
                    return;
                }
                default -> {
                    System.err.println("unknown option " + a);
                    usage();
                    System.exit(2);
                }
            }
        }
        HeyGenSimulator sim = b.build();
        if (faults != null) sim.faults().loadFile(faults);
        sim.start();
        Runtime.getRuntime().addShutdownHook(new Thread(sim::close));
        System.out.println(
                "heygen-sim listening on " + sim.baseUrl() + " (callback secret " + sim.callbackSecret() + ")");
        Thread.currentThread().join();
    }

    private static void usage() {
        System.out.println(
                "usage: java -jar heygen-sim.jar [--port N] [--render-seconds S] [--faults FILE] [--api-key KEY]"
                        + " [--concurrency N] [--rps N] [--credits N] [--callback-secret S] [--seed N] [--lenient]");
    }
}
