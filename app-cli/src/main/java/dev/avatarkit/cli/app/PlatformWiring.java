package dev.avatarkit.cli.app;

import com.google.inject.Injector;
import com.google.inject.Module;
import dev.avatarkit.runtime.AvatarkitConfig;

/**
 * How the platform (stores, provider, engine, use cases) is wired for a configuration: the runtime's modules in
 * production, fakes in tests. Its injector is created only when a command first needs a service, so that a
 * read-only command never starts the engine, the simulator or an HTTP client.
 */
public interface PlatformWiring {
    /** The bindings for {@code config}. Bindings must be lazy (no eager singletons that start things). */
    Module module(AvatarkitConfig config);

    /** Resumes every unfinished job and starts running engine steps in this process. */
    void startWorkers(Injector platform);

    /** Stops workers and closes what the platform opened (database, simulator, HTTP client). */
    void close(Injector platform);
}
