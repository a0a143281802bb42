package dev.avatarkit.cli.app;

import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.Map;

/**
 * The global flags ({@code --sandbox --json --config -q -v}) as parsed, shared by every command (one per run).
 * {@link #configFlags()} are the DESIGN §5 keys the command line sets, the top of the config precedence.
 */
public final class GlobalOptions {
    private boolean sandbox;
    private boolean json;
    private Path config;
    private boolean quiet;
    private int verbosity;
    private Integer concurrencyCap;
    private final Map<String, String> flags = new LinkedHashMap<>();

    public void enableSandbox() {
        sandbox = true;
    }

    public void enableJson() {
        json = true;
    }

    public void enableQuiet() {
        quiet = true;
    }

    public void verbosity(int level) {
        verbosity = Math.max(verbosity, level);
    }

    public void configFile(Path file) {
        config = file;
    }

    public boolean json() {
        return json;
    }

    public boolean quiet() {
        return quiet;
    }

    public int verbosity() {
        return verbosity;
    }

    public Path configFile() {
        return config;
    }

    /** A batch's {@code --concurrency}: at most this many renders in flight, whatever the provider allows. */
    public void capConcurrency(int cap) {
        concurrencyCap = cap;
    }

    /** Null = the provider's own limit. */
    public Integer concurrencyCap() {
        return concurrencyCap;
    }

    /** A command-line override of a config key (e.g. {@code --provider} sets {@code AVATARKIT_PROVIDER}). */
    public void setFlag(String key, String value) {
        flags.put(key, value);
    }

    public Map<String, String> configFlags() {
        Map<String, String> out = new LinkedHashMap<>(flags);
        if (sandbox) out.put("AVATARKIT_SANDBOX", "1");
        return out;
    }
}
