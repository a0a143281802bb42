package dev.avatarkit.runtime;

import java.util.ArrayDeque;
import java.util.Deque;
import java.util.logging.Level;
import java.util.logging.Logger;

/**
 * The one start/stop of an assembly. Modules build things lazily (no side effects at binding time); whatever holds a
 * resource registers here when it is built, and {@link #close()} closes everything, newest first.
 */
public final class Lifecycle implements AutoCloseable {
    private static final Logger LOG = Logger.getLogger(Lifecycle.class.getName());

    private final Deque<AutoCloseable> toClose = new ArrayDeque<>();
    private boolean closed;

    /** Registers {@code resource} to be closed on shutdown and returns it. */
    public synchronized <T extends AutoCloseable> T closing(T resource) {
        if (closed) throw new IllegalStateException("the platform is closed");
        toClose.push(resource);
        return resource;
    }

    /** Stops workers (running steps finish or are revived later), then closes everything, newest first. */
    @Override
    public synchronized void close() {
        closed = true;
        while (!toClose.isEmpty()) {
            AutoCloseable resource = toClose.pop();
            try {
                resource.close();
            } catch (Exception e) {
                LOG.log(Level.WARNING, "closing " + resource.getClass().getSimpleName() + ": " + e.getMessage(), e);
            }
        }
    }
}
