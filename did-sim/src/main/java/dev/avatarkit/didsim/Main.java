package dev.avatarkit.didsim;

import java.time.Duration;

/**
 * {@code java -jar did-sim.jar [--port 8901] [--render-millis N] [--api-key KEY] [--faults FILE] [--credits N]
 * [--url-ttl-seconds N] [--keep-urls] [--lenient]}; {@code DID_SIM_FAULTS} (JSON or a file path) adds faults too.
 */
public final class Main {
    private static final java.util.Set<String> FLAGS = java.util.Set.of("--keep-urls", "--lenient", "--help");
    private static final java.util.Set<String> WITH_VALUE =
            java.util.Set.of("--port", "--render-millis", "--api-key", "--faults", "--credits", "--url-ttl-seconds");

    private Main() {}

    public static void main(String[] args) throws Exception {
        DidSimulator.Builder b = DidSimulator.builder().port(8901);
        String faults = System.getenv("DID_SIM_FAULTS");
        String faultsFile = null;
        for (int i = 0; i < args.length; i++) {
            String a = args[i];
            String v = i + 1 < args.length ? args[i + 1] : null;
            if (!a.startsWith("--")) fail("unexpected argument '" + a + "'");
            boolean flag = FLAGS.contains(a);
            if (!flag && !WITH_VALUE.contains(a)) fail("unknown option '" + a + "'");
            if (!flag && v == null) fail("'" + a + "' needs a value");
            if (!flag) i++;
            try {
                switch (a) {
                    case "--port" -> b.port(Integer.parseInt(v));
                    case "--render-millis" -> b.renderTime(Duration.ofMillis(Long.parseLong(v)));
                    case "--api-key" -> b.apiKey(v);
                    case "--faults" -> faultsFile = v;
                    case "--credits" -> b.credits(Long.parseLong(v));
                    case "--url-ttl-seconds" -> b.urlTtl(Duration.ofSeconds(Long.parseLong(v)));
                    case "--keep-urls" -> b.resignOnRead(false);
                    case "--lenient" -> b.lenient(true);
                    case "--help" -> {
                        System.out.println(usage());
                        return;
                    }
                    default -> throw new IllegalStateException("option listed but not handled: " + a);
                }
            } catch (NumberFormatException e) {
                fail("'" + a + "' must be a whole number, was '" + v + "'");
            }
        }
        DidSimulator sim = b.build();
        if (faults != null && !faults.isBlank()) sim.faults().loadFileOrJson(faults);
        if (faultsFile != null) sim.faults().loadFileOrJson(faultsFile);
        sim.start();
        Runtime.getRuntime().addShutdownHook(new Thread(sim::close));
        // the key is not printed: a key given with --api-key may be a real secret; the sandbox key is in the README
        System.out.println("did-sim listening on " + sim.baseUrl() + " (Authorization: Basic <key>; "
                + sim.faults().rules().size() + " fault rules)");
        Thread.currentThread().join();
    }

    private static void fail(String message) {
        System.err.println("error: " + message + "\n" + usage());
        System.exit(2);
    }

    static String usage() {
        return "usage: java -jar did-sim.jar [--port N] [--render-millis N] [--api-key KEY] [--faults FILE]"
                + " [--credits N] [--url-ttl-seconds N] [--keep-urls] [--lenient]";
    }
}
