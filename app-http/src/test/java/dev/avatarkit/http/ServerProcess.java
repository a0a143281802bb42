package dev.avatarkit.http;

import java.io.IOException;
import java.net.HttpURLConnection;
import java.net.ServerSocket;
import java.net.URI;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;

/** The shaded jar running in its own JVM, as {@code bin/avatarkit-http} runs it; killable with SIGKILL. */
final class ServerProcess implements AutoCloseable {
    final int port;
    private final Process process;

    private ServerProcess(int port, Process process) {
        this.port = port;
        this.process = process;
    }

    static Path jar() {
        String path = System.getProperty("avatarkit.http.jar", "target/avatarkit-http.jar");
        return Path.of(path).toAbsolutePath();
    }

    static ServerProcess start(Map<String, String> env, Path log) throws IOException, InterruptedException {
        int port = freePort();
        ProcessBuilder pb = new ProcessBuilder(List.of(
                Path.of(System.getProperty("java.home"), "bin", "java").toString(),
                "-Xmx256m",
                "-jar",
                jar().toString(),
                "--port",
                Integer.toString(port)));
        pb.environment().putAll(env);
        pb.redirectErrorStream(true).redirectOutput(ProcessBuilder.Redirect.appendTo(log.toFile()));
        ServerProcess server = new ServerProcess(port, pb.start());
        server.awaitHealthy(Duration.ofSeconds(90));
        return server;
    }

    private void awaitHealthy(Duration timeout) throws InterruptedException, IOException {
        Instant deadline = Instant.now().plus(timeout);
        while (Instant.now().isBefore(deadline)) {
            if (!process.isAlive()) throw new IllegalStateException("server exited with " + process.exitValue());
            try {
                HttpURLConnection c = (HttpURLConnection) URI.create("http://127.0.0.1:" + port + "/healthz")
                        .toURL()
                        .openConnection();
                c.setConnectTimeout(500);
                if (c.getResponseCode() == 200) return;
            } catch (IOException notYet) {
                // starting
            }
            Thread.sleep(200);
        }
        throw new IllegalStateException("server not healthy after " + timeout);
    }

    /** SIGKILL: no shutdown hook, nothing flushed. */
    void kill() throws InterruptedException {
        process.destroyForcibly().waitFor();
    }

    /** SIGTERM, as systemd or Ctrl-C stops it; the exit code, or -1 if it was still running after {@code timeout}. */
    int terminate(Duration timeout) throws InterruptedException {
        process.destroy();
        return process.waitFor(timeout.toMillis(), java.util.concurrent.TimeUnit.MILLISECONDS)
                ? process.exitValue()
                : -1;
    }

    static int freePort() throws IOException {
        try (ServerSocket socket = new ServerSocket(0)) {
            return socket.getLocalPort();
        }
    }

    @Override
    public void close() throws InterruptedException {
        process.destroy();
        if (!process.waitFor(30, java.util.concurrent.TimeUnit.SECONDS))
            process.destroyForcibly().waitFor();
    }
}
