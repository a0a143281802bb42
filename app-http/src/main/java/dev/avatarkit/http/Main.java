package dev.avatarkit.http;

import com.google.inject.Guice;
import com.google.inject.Module;
import dev.avatarkit.core.domain.ValidationException;
import dev.avatarkit.runtime.AvatarkitConfig;
import dev.avatarkit.runtime.ConfigLoader;
import dev.avatarkit.runtime.PlatformModule;
import dev.avatarkit.runtime.PlatformOptions;
import dev.avatarkit.runtime.Secret;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * {@code avatarkit-http [--port N] [--config FILE] [--sandbox] [--tokens-file FILE]}: lists the modules, builds one
 * injector, starts the server, stops it on SIGTERM. Exit codes: 2 bad configuration, 1 any other startup failure.
 */
public final class Main {
    private static final Logger LOG = LoggerFactory.getLogger(Main.class);

    private Main() {}

    public static void main(String[] args) {
        JulBridge.install();
        try {
            ApiServer server = start(args, System.getenv(), PlatformOptions.defaults());
            Runtime.getRuntime().addShutdownHook(new Thread(server::close, "avatarkit-http-shutdown"));
        } catch (ValidationException e) {
            System.err.println("avatarkit-http: " + e.getMessage());
            System.exit(2);
        } catch (RuntimeException e) {
            LOG.error("avatarkit-http failed to start", e);
            System.exit(1);
        }
    }

    /** Builds and starts a server from arguments and environment (tests use this too). */
    public static ApiServer start(String[] args, Map<String, String> env, PlatformOptions options) {
        Map<String, String> flags = new HashMap<>();
        Path configFile = null;
        Path tokensFile =
                env.containsKey("AVATARKIT_HTTP_TOKENS_FILE") ? Path.of(env.get("AVATARKIT_HTTP_TOKENS_FILE")) : null;
        for (int i = 0; i < args.length; i++) {
            switch (args[i]) {
                case "--port" -> flags.put("AVATARKIT_HTTP_PORT", value(args, ++i));
                case "--config" -> configFile = Path.of(value(args, ++i));
                case "--sandbox" -> flags.put("AVATARKIT_SANDBOX", "1");
                case "--tokens-file" -> tokensFile = Path.of(value(args, ++i));
                default ->
                    throw new ValidationException(
                            "args",
                            "unknown argument '" + args[i]
                                    + "'; usage: avatarkit-http [--port N] [--config FILE] [--sandbox] [--tokens-file FILE]");
            }
        }
        AvatarkitConfig config = ConfigLoader.load(flags, env, configFile);
        List<Secret> tokens = new ArrayList<>(config.httpTokens());
        if (tokensFile != null) tokens.addAll(readTokens(tokensFile));
        if (tokens.isEmpty()) {
            throw new ValidationException(
                    "AVATARKIT_HTTP_TOKENS",
                    "no API tokens: set AVATARKIT_HTTP_TOKENS (comma-separated)"
                            + " or --tokens-file FILE (one per line); every /v1 request needs 'Authorization: Bearer <token>'");
        }
        List<Module> modules = List.of(
                new PlatformModule(config, options),
                new HttpModule(HttpSettings.defaults(config.httpPort(), tokens).withLimits(HttpLimits.fromEnv(env))));
        ApiServer server = Guice.createInjector(modules).getInstance(ApiServer.class);
        try {
            return server.start();
        } catch (RuntimeException e) {
            server.close();
            throw e;
        }
    }

    private static String value(String[] args, int i) {
        if (i >= args.length) throw new ValidationException(args[i - 1], args[i - 1] + " needs a value");
        return args[i];
    }

    static List<Secret> readTokens(Path file) {
        try {
            return Files.readAllLines(file).stream()
                    .map(String::trim)
                    .filter(l -> !l.isEmpty() && !l.startsWith("#"))
                    .map(Secret::new)
                    .toList();
        } catch (IOException e) {
            throw new ValidationException("tokens-file", "cannot read the tokens file " + file + ": " + e.getMessage());
        }
    }
}
