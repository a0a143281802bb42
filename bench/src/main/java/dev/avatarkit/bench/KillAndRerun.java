package dev.avatarkit.bench;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStreamReader;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import java.util.function.Predicate;

/**
 * Issue 17's "kill -9 at ~40 % + re-run" for ours: the batch runs in a child JVM (the simulator stays in this one,
 * so it keeps the renders in flight), which is killed with SIGKILL once {@code kill-at} of the rows are terminal
 * (default 0.4), then the same batch is run again on the same home directory until every row is terminal. The
 * restart time is from the kill to the re-run's workers being started (JVM start, database, scheduler): the
 * target is the ideal plus that.
 */
final class KillAndRerun {
    private static final long RUN_TIMEOUT_MINUTES = 60;
    private final String simUrl;
    private final Path dir;
    private final Map<String, String> args;

    KillAndRerun(String simUrl, Path dir, Map<String, String> args) {
        this.simUrl = simUrl;
        this.dir = dir.resolve("ours");
        this.args = args;
    }

    /** @return the restart time in seconds */
    double run(int rows) throws IOException, InterruptedException {
        int killAt = (int) Math.ceil(Double.parseDouble(args.getOrDefault("kill-at", "0.4")) * rows);
        Child first = new Child(start());
        first.readUntil(line -> line.startsWith("progress terminal=")
                && Integer.parseInt(line.substring("progress terminal=".length())) >= killAt);
        first.process.destroyForcibly(); // SIGKILL on Unix: no shutdown hooks, no scheduler stop
        long killed = System.nanoTime();
        first.process.waitFor(1, TimeUnit.MINUTES);
        System.out.println("killed the first run (SIGKILL) at " + killAt + " terminal rows");
        Child second = new Child(start());
        second.readUntil(line -> line.startsWith("phase: workers started"));
        double restart = (System.nanoTime() - killed) / 1e9;
        second.readUntil(line -> false);
        if (!second.process.waitFor(RUN_TIMEOUT_MINUTES, TimeUnit.MINUTES) || second.process.exitValue() != 0) {
            throw new IllegalStateException("the re-run did not finish cleanly");
        }
        return restart;
    }

    private Process start() throws IOException {
        return startChild(simUrl, dir, args.getOrDefault("rows", "40"), args, "Person");
    }

    /**
     * A run of ours in a child JVM on {@code dir}'s home: {@code rows} rows named {@code rowPrefix} 1, 2, … (another
     * prefix is another batch of jobs on the same home). Its stderr is dropped; its stdout is for {@link Child}.
     */
    static Process startChild(String simUrl, Path dir, String rows, Map<String, String> args, String rowPrefix)
            throws IOException {
        List<String> command = new ArrayList<>();
        command.add(Path.of(System.getProperty("java.home"), "bin", "java").toString());
        // the same JVM options as this one (bench/standin.sh gives the CLI's: tier-1 JIT, serial GC, the CDS archive)
        command.addAll(java.lang.management.ManagementFactory.getRuntimeMXBean().getInputArguments());
        command.addAll(List.of(
                "-cp",
                System.getProperty("java.class.path"),
                StandInBench.class.getName(),
                "--client",
                "ours-child",
                "--sim-url",
                simUrl,
                "--dir",
                dir.toString(),
                "--rows",
                rows,
                "--row-prefix",
                rowPrefix,
                "--slots",
                args.getOrDefault("slots", "5")));
        if (args.containsKey("trace")) command.add("--trace");
        return new ProcessBuilder(command)
                .redirectError(ProcessBuilder.Redirect.DISCARD)
                .start();
    }

    /** A child JVM and its output, read line by line (one reader, so nothing buffered is lost between waits). */
    static final class Child {
        final Process process;
        final BufferedReader out;

        Child(Process process) {
            this.process = process;
            this.out = new BufferedReader(new InputStreamReader(process.getInputStream(), StandardCharsets.UTF_8));
        }

        /** Echoes the child's lines (not its progress counts) until one matches; to its end if none does. */
        void readUntil(Predicate<String> wanted) throws IOException {
            String line;
            while ((line = out.readLine()) != null) {
                if (!line.startsWith("progress")) System.out.println("  child: " + line);
                if (wanted.test(line)) return;
            }
        }
    }
}
