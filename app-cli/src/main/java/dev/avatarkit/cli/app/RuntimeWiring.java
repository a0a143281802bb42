package dev.avatarkit.cli.app;

import com.google.inject.AbstractModule;
import com.google.inject.Provides;
import com.google.inject.Singleton;
import dev.avatarkit.core.domain.ValidationException;
import dev.avatarkit.core.engine.EnginePolicy;
import dev.avatarkit.runtime.PlatformModule;
import dev.avatarkit.runtime.PlatformOptions;
import java.time.Duration;
import java.util.Map;

/**
 * The production platform as a module {@code main} installs beside the CLI's: the runtime's {@link PlatformModule} for
 * the configuration the CLI loads lazily, and the engine's options, read when the platform is first built (after the
 * flags are parsed, so a batch's {@code --concurrency} counts). Tests install it with faster options.
 */
public final class RuntimeWiring extends AbstractModule {
    /**
     * {@code INITIAL[..MAX]}, e.g. {@code 100ms..400ms}: how often the engine polls a render (default 2 s growing to
     * 30 s, like HeyGen's own CLI). For simulators and tests; against HeyGen the default is kinder to the rate limit.
     */
    public static final String POLL_INTERVAL = "AVATARKIT_POLL_INTERVAL";

    private final PlatformOptions options;

    public RuntimeWiring() {
        this(PlatformOptions.defaults());
    }

    public RuntimeWiring(PlatformOptions options) {
        this.options = options;
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
            EnginePolicy policy = EnginePolicy.defaults(EnginePolicy.NO_CAP).withPolling(initial, max);
            return new RuntimeWiring(PlatformOptions.defaults().withPolicy(policy));
        } catch (RuntimeException e) {
            throw new ValidationException(
                    POLL_INTERVAL,
                    "'" + POLL_INTERVAL + "' must be INITIAL[..MAX], e.g. 500ms..5s; was '" + value + "'");
        }
    }

    @Override
    protected void configure() {
        install(PlatformModule.forBoundConfig());
    }

    @Provides
    @Singleton
    PlatformOptions platformOptions(GlobalOptions global) {
        if (global.concurrencyCap() == null) return options;
        EnginePolicy policy = options.policy() != null ? options.policy() : EnginePolicy.defaults(EnginePolicy.NO_CAP);
        return options.withPolicy(policy.withMaxConcurrencyAtMost(global.concurrencyCap()));
    }
}
