package dev.avatarkit.cli.app;

import com.google.inject.Injector;
import com.google.inject.Module;
import dev.avatarkit.core.domain.ValidationException;
import dev.avatarkit.core.engine.EnginePolicy;
import dev.avatarkit.runtime.AvatarkitConfig;
import dev.avatarkit.runtime.Platform;
import dev.avatarkit.runtime.PlatformModule;
import dev.avatarkit.runtime.PlatformOptions;
import java.time.Duration;
import java.util.Map;

/** The production platform: the runtime's {@link PlatformModule} (lazy; the sandbox simulator starts on first use). */
public final class RuntimeWiring implements PlatformWiring {
    /**
     * {@code INITIAL[..MAX]}, e.g. {@code 100ms..400ms}: how often the engine polls a render (default 2 s growing to
     * 30 s, like HeyGen's own CLI). For simulators and tests; against HeyGen the default is kinder to the rate limit.
     */
    public static final String POLL_INTERVAL = "AVATARKIT_POLL_INTERVAL";

    private final PlatformOptions options;
    private final Duration[] polling;

    public RuntimeWiring() {
        this(PlatformOptions.defaults());
    }

    public RuntimeWiring(PlatformOptions options) {
        this(options, null);
    }

    private RuntimeWiring(PlatformOptions options, Duration[] polling) {
        this.options = options;
        this.polling = polling;
    }

    /** The process's wiring: defaults, with {@value #POLL_INTERVAL} from the environment when set. */
    public static RuntimeWiring fromEnv(Map<String, String> env) {
        String value = env.get(POLL_INTERVAL);
        if (value == null || value.isBlank()) return new RuntimeWiring();
        String[] parts = value.strip().split("\\.\\.", 2);
        try {
            Duration initial = Durations.parse(parts[0].strip());
            Duration max = parts.length > 1 ? Durations.parse(parts[1].strip()) : initial.multipliedBy(4);
            if (initial.isZero() || max.compareTo(initial) < 0)
                throw new IllegalArgumentException("need 0 < INITIAL <= MAX");
            return new RuntimeWiring(PlatformOptions.defaults(), new Duration[] {initial, max});
        } catch (RuntimeException e) {
            throw new ValidationException(
                    POLL_INTERVAL,
                    "'" + POLL_INTERVAL + "' must be INITIAL[..MAX], e.g. 500ms..5s; was '" + value + "'");
        }
    }

    @Override
    public Module module(AvatarkitConfig config) {
        if (polling == null || options.policy() != null) return new PlatformModule(config, options);
        EnginePolicy policy = EnginePolicy.defaults(EnginePolicy.NO_CAP).withPolling(polling[0], polling[1]);
        return new PlatformModule(config, options.withPolicy(policy));
    }

    @Override
    public void startWorkers(Injector platform) {
        platform.getInstance(Platform.class).startWorkers();
    }

    @Override
    public void close(Injector platform) {
        platform.getInstance(Platform.class).close();
    }
}
